using IssueHygiene.GitLabSimulator.Model;
using IssueHygiene.GitLabSimulator.State;

namespace IssueHygiene.GitLabSimulator.Seeding;

/// <summary>
/// Merge requests in the handbook's first project, one per case the "Code review" rules tell apart: self-merged code,
/// a self-merged typo fix (trivial), community contributions merged by a non-expert and by the expert (<c>douwe</c>,
/// "Right now, Douwe is the only expert"), a draft, an open MR without a reviewer, and proper ones. Runs after the
/// issue generator, so adding users does not change the generated issues.
/// </summary>
internal static class MergeRequestSeed
{
    public const string Expert = "douwe";

    /// <summary>Titles of the seeded MRs, by iid - 1 (tests and the demo name them).</summary>
    public static IReadOnlyList<string> Titles { get; } =
    [
        "Cache plugin lock files",
        "Fix typo in the installation guide",
        "Add a Snowflake extractor",
        "Clarify the community contribution guide",
        "Draft: Refactor the CLI entry point",
        "Speed up plugin installation",
        "Validate plugin settings",
        "Log the elt run id",
    ];

    public static void Apply(SimulatorStore store, HandbookSeedInfo handbook)
    {
        var expert = store.UsersByUsername.TryGetValue(Expert, out var existing) ? existing : store.AddUser(Expert, "Douwe", token: "douwe-token");
        var group = store.Groups[handbook.GroupId];
        group.Members.TryAdd(expert.Id, AccessLevel.Maintainer);
        var developer = store.UsersByUsername[SeededUsers.Developer];
        var maintainer = store.UsersByUsername[SeededUsers.Maintainer];
        var community = store.UsersByUsername[SeededUsers.Outsider];
        var project = store.Projects[handbook.Projects[0].Id];
        var created = store.Now.AddDays(-2);
        var merged = store.Now.AddDays(-1);

        SimMergeRequest Add(int index, SimUser author, params string[] paths) =>
            store.AddMergeRequest(project, Titles[index], author.Id, paths.Select(p => (p, p)), draft: Titles[index].StartsWith("Draft:", StringComparison.Ordinal), createdAt: created);

        void Merge(SimMergeRequest mr, SimUser by)
        {
            mr.State = "merged";
            mr.MergeUserId = by.Id;
            mr.MergedAt = merged;
            mr.UpdatedAt = merged;
        }

        Merge(Add(0, developer, "src/meltano/core/plugin_lock.py", "docs/plugins.md"), developer);   // self-merged code
        Merge(Add(1, developer, "docs/src/getting-started/installation.md"), developer);             // self-merged, trivial
        var snowflake = Add(2, community, "src/meltano/extractors/snowflake.py");                   // community, non-expert
        snowflake.ReviewerIds.Add(developer.Id);
        Merge(snowflake, maintainer);
        var guide = Add(3, community, "CONTRIBUTING.md");                                            // community, expert
        guide.ReviewerIds.Add(maintainer.Id);
        Merge(guide, expert);
        Add(4, developer, "src/meltano/cli/__init__.py");                                            // draft
        Add(5, developer, "src/meltano/core/plugin_install.py");                                     // open, no reviewer
        Add(6, maintainer, "src/meltano/core/settings.py").ReviewerIds.Add(developer.Id);            // open, reviewed
        var proper = Add(7, developer, "src/meltano/core/elt.py");                                   // merged properly
        proper.ReviewerIds.Add(maintainer.Id);
        Merge(proper, maintainer);
    }
}
