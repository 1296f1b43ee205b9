namespace IssueHygiene.Core.Policy;

/// <summary>Where something was written in a rules file, so every error can say FILE:LINE:COL.</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    public static SourceLocation None { get; } = new(string.Empty, 0, 0);

    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}" : File;
}
