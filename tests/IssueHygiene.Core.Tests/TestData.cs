using IssueHygiene.Core.Issues;
using IssueHygiene.Core.Policy;
using IssueHygiene.Core.Policy.Loading;

namespace IssueHygiene.Core.Tests;

/// <summary>The repository's default policy and a builder for issues the way the rule table talks about them.</summary>
internal static class TestData
{
    /// <summary>Monday 2026-11-23 09:00 UTC; the current sprint's Friday is 2026-11-27.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<RuleSet> LazyHandbook = new(() => Load(File.ReadAllText(HandbookPath), HandbookPath));

    public static RuleSet Handbook => LazyHandbook.Value;

    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "IssueHygiene.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("IssueHygiene.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string HandbookPath => Path.Combine(RepositoryRoot, "rules", "handbook.yml");

    public static RuleSet Load(string yaml, string file = "test.yml")
    {
        var result = RuleSetLoader.Load(yaml, file);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.RuleSet!;
    }

    public static MilestoneRef Backlog { get; } = new(1, "Backlog");

    public static MilestoneRef Sprint(string date) => new(100, date, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A clean issue by the handbook: current sprint, one flow/type/stage label, an assignee, old enough.</summary>
    public static IssueSnapshot CleanIssue() => new()
    {
        ProjectId = 7,
        Iid = 42,
        Id = 4242,
        Title = "Make extractors faster",
        State = IssueState.Opened,
        Labels = ["flow::Doing", "Feature Request", "Extract"],
        Milestone = Sprint("2026-11-27"),
        Assignees = [new UserRef(5, "douwe")],
        CreatedAt = Now.AddDays(-10),
        ProjectPath = "meltano/meltano",
    };

    public static IssueSnapshot With(string[] labels, MilestoneRef? milestone = null, bool assigned = true) => CleanIssue() with
    {
        Labels = labels,
        Milestone = milestone,
        Assignees = assigned ? [new UserRef(5, "douwe")] : [],
    };
}
