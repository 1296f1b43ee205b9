using IssueHygiene.Core.Issues;

namespace IssueHygiene.Benchmarks.Core;

/// <summary>Seeded issues with the mix a real tracker has: mostly clean, the rest with one or more hygiene problems.</summary>
public static class IssueGenerator
{
    private static readonly string[] Flow = ["flow::Triage", "flow::To Do", "flow::Doing", "flow::Blocked", "flow::Review"];
    private static readonly string[] Types = ["Bug", "Feature Request", "Discussion", "Exploration", "Community Support"];
    private static readonly string[] Stages = ["Model", "Extract", "Load", "Transform", "Analyze", "Orchestrate"];

    public static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static IssueSnapshot Clean(int i) => new()
    {
        ProjectId = 1 + (i % 3),
        Iid = i,
        Id = 100_000 + i,
        Title = "Issue " + i,
        State = IssueState.Opened,
        Labels = [Flow[2], Types[i % Types.Length], Stages[i % Stages.Length]],
        Milestone = new MilestoneRef(7, "2026-11-27", new DateOnly(2026, 11, 27)),
        Assignees = [new UserRef(3, "douwe")],
        CreatedAt = Now.AddDays(-30),
    };

    public static IssueSnapshot[] Generate(int count, int seed)
    {
        var random = new Random(seed);
        var issues = new IssueSnapshot[count];
        MilestoneRef[] milestones =
        [
            new(1, "Backlog"),
            new(7, "2026-11-27", new DateOnly(2026, 11, 27)),
            new(8, "2026-12-04", new DateOnly(2026, 12, 4)),
            new(6, "2026-11-20", new DateOnly(2026, 11, 20)),
        ];
        for (var i = 0; i < count; i++)
        {
            var issue = Clean(i);
            var problem = random.Next(10);
            issues[i] = problem switch
            {
                < 6 => issue,
                6 => issue with { Milestone = null, Labels = [Types[random.Next(Types.Length)]] },
                7 => issue with { Labels = ["flow::doing", "flow::Review", "Notebook"], Assignees = [] },
                8 => issue with { Milestone = milestones[random.Next(milestones.Length)], Labels = [Flow[random.Next(Flow.Length)], "needs-love"] },
                _ => issue with { Milestone = milestones[0], Labels = ["flow::To Do", Types[0], Types[1]] },
            };
        }

        return issues;
    }
}
