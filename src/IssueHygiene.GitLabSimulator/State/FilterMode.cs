namespace IssueHygiene.GitLabSimulator.State;

/// <summary>GitLab's special filter values (<c>None</c>, <c>Any</c>, <c>Upcoming</c>, <c>Started</c>) or a concrete value.</summary>
internal enum FilterMode
{
    Unset,
    None,
    Any,
    Upcoming,
    Started,
    Value,
}
