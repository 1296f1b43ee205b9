using IssueHygiene.Hosting;

namespace IssueHygiene.Taxonomy;

/// <summary>
/// The groups <c>milestones plan</c> and <c>labels sync</c> work on: <c>--group</c>, else the configured
/// <c>Scopes:Groups</c>. Sprint milestones and taxonomy labels live at group level (the handbook: "created … at the
/// Group Level"), so project scopes are not used here.
/// </summary>
public static class GroupScopes
{
    public static IReadOnlyList<string> From(HygieneOptions options, IReadOnlyList<string>? fromCommandLine)
    {
        var groups = (fromCommandLine is { Count: > 0 } ? fromCommandLine : options.Scopes.Groups)
            .Select(g => g.Trim().Trim('/'))
            .Where(g => g.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return groups.Count > 0
            ? groups
            : throw new UsageException("no group: pass --group, or configure Scopes:Groups (IssueHygiene__Scopes__Groups__0); milestones and labels are managed at group level");
    }
}
