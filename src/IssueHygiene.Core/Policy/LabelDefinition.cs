namespace IssueHygiene.Core.Policy;

/// <summary>One documented label of the taxonomy (the handbook's list), with its full GitLab name.</summary>
public sealed record LabelDefinition
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    /// <summary>GitLab colour, <c>#RRGGBB</c>; null lets <c>labels sync</c> keep GitLab's.</summary>
    public string? Color { get; init; }

    /// <summary>Marked "currently unused" in the handbook (e.g. the <c>Notebook</c> stage).</summary>
    public bool Unused { get; init; }

    /// <summary>Former names; <c>labels sync</c> renames them to <see cref="Name"/>.</summary>
    public IReadOnlyList<string> Previously { get; init; } = [];

    public SourceLocation Location { get; init; } = SourceLocation.None;
}
