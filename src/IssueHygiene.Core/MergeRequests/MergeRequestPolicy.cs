namespace IssueHygiene.Core.MergeRequests;

/// <summary>
/// The rules file's <c>mergeRequests</c> section: which changes are trivial and who the experts are (data, not logic).
/// </summary>
public sealed record MergeRequestPolicy
{
    /// <summary>GitLab's Developer access level: members below it (or non-members) are community contributors.</summary>
    public const int DeveloperAccess = 30;

    public static IReadOnlyList<string> DefaultTrivial { get; } = ["**/*.md", "docs/**"];

    public static MergeRequestPolicy Default { get; } = new()
    {
        Trivial = [.. DefaultTrivial.Select(PathGlob.Parse)],
    };

    /// <summary>An MR whose changed files all match one of these is trivial; anything else touches code.</summary>
    public required IReadOnlyList<PathGlob> Trivial { get; init; }

    /// <summary>Experts per part of the code base; a plain list of usernames in the file is one entry for <c>**</c>.</summary>
    public IReadOnlyList<PathExperts> Experts { get; init; } = [];

    /// <summary>Authors with at least this access level in the group are team members.</summary>
    public int MemberAccessLevel { get; init; } = DeveloperAccess;

    /// <summary>True when experts are named per path (not only for <c>**</c>), so judging a merge needs the changed paths.</summary>
    public bool ExpertsDependOnPaths => Experts.Any(e => e.Glob.Pattern != "**");

    /// <summary>True when every path matches a trivial glob (and there is at least one path).</summary>
    public bool IsTrivial(IReadOnlyList<string> changedPaths) =>
        changedPaths.Count > 0 && changedPaths.All(p => Trivial.Any(g => g.IsMatch(p)));

    /// <summary>The experts for one path: every username of every entry whose glob matches it.</summary>
    public IReadOnlySet<string> ExpertsFor(string path) =>
        Experts.Where(e => e.Glob.IsMatch(path)).SelectMany(e => e.Usernames).ToHashSet(StringComparer.OrdinalIgnoreCase);
}
