namespace IssueHygiene.Sweeping;

/// <summary>A group or project a sweep walks, by id or full path (as configured under <c>Scopes</c>).</summary>
public sealed record SweepScope(SweepScopeKind Kind, string IdOrPath)
{
    /// <summary>The storage key of the scope's checkpoints and watermarks: <c>group:meltano</c>, <c>project:7</c>.</summary>
    public string Key => $"{(Kind == SweepScopeKind.Group ? "group" : "project")}:{IdOrPath}";

    public override string ToString() => Key;
}

public enum SweepScopeKind
{
    Group,
    Project,
}
