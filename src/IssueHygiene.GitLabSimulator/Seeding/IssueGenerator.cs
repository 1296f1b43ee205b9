using IssueHygiene.GitLabSimulator.Model;
using IssueHygiene.GitLabSimulator.State;

namespace IssueHygiene.GitLabSimulator.Seeding;

/// <summary>
/// N issues with a seeded, realistic mix of hygiene problems (the same seed and clock give the
/// same tracker). Inserted directly: no hooks, no system notes, linear time, so 100,000 issues
/// take well under a few seconds.
/// </summary>
internal sealed class IssueGenerator
{
    // (problem, weight in percent): roughly what a neglected tracker looks like.
    private static readonly (HygieneProblem Problem, int Weight)[] Mix =
    [
        (HygieneProblem.None, 44),
        (HygieneProblem.NoMilestone, 8),
        (HygieneProblem.SprintWithoutFlow, 6),
        (HygieneProblem.TwoFlowLabels, 4),
        (HygieneProblem.UnknownFlowValue, 3),
        (HygieneProblem.NoTypeLabel, 7),
        (HygieneProblem.TwoTypeLabels, 3),
        (HygieneProblem.NotebookStage, 2),
        (HygieneProblem.ActiveFlowWithoutAssignee, 4),
        (HygieneProblem.ToDoInBacklog, 4),
        (HygieneProblem.OverdueSprint, 5),
        (HygieneProblem.UndocumentedLabel, 3),
        (HygieneProblem.Closed, 7),
    ];

    private static readonly string[] Verbs = ["Fix", "Add", "Support", "Document", "Refactor", "Investigate", "Improve", "Remove"];
    private static readonly string[] Things = ["state backend", "plugin lockfile", "tap discovery", "target schema", "env variables", "job scheduler", "config parser", "log output", "hub search", "CLI help"];

    private readonly SimulatorStore _store;
    private readonly HandbookSeedInfo _seed;
    private readonly Random _random;
    private readonly DateTimeOffset _now;
    private readonly DateOnly _today;
    private readonly long[] _currentSprints;
    private readonly long[] _pastSprints;
    private readonly long[] _assigneeIds;
    private readonly long[] _authorIds;

    public IssueGenerator(SimulatorStore store, HandbookSeedInfo seed, int randomSeed)
    {
        _store = store;
        _seed = seed;
        _random = new Random(randomSeed);
        _now = store.Now;
        _today = DateOnly.FromDateTime(_now.UtcDateTime);
        _currentSprints = [.. seed.SprintMilestoneIds.Where(s => s.Key >= _today).Select(s => s.Value)];
        _pastSprints = [.. seed.SprintMilestoneIds.Where(s => s.Key < _today).Select(s => s.Value)];
        string[] assignable = [SeededUsers.Developer, SeededUsers.Maintainer, SeededUsers.Reporter];
        _assigneeIds = [.. assignable.Select(u => store.UsersByUsername[u].Id)];
        _authorIds = [.. new[] { SeededUsers.Guest, SeededUsers.Reporter, SeededUsers.Developer, SeededUsers.Maintainer, SeededUsers.Root }.Select(u => store.UsersByUsername[u].Id)];
    }

    /// <summary>Tallies what was generated, so a test or a benchmark can compare findings with it.</summary>
    public Dictionary<HygieneProblem, int> Generate(int count)
    {
        var tally = new Dictionary<HygieneProblem, int>();
        var projects = _seed.Projects.Select(p => _store.Projects[p.Id]).ToArray();

        // Creation times first, sorted, so iids grow with created_at as on a real tracker;
        // about 2% are younger than an hour (inside the rules' grace period).
        var created = new DateTimeOffset[count];
        for (var i = 0; i < count; i++)
        {
            created[i] = _random.NextDouble() < 0.02
                ? _now.AddMinutes(-_random.Next(1, 60))
                : _now.AddMinutes(-_random.Next(61, 365 * 24 * 60));
        }

        Array.Sort(created);
        foreach (var createdAt in created)
        {
            var roll = _random.Next(100);
            var project = roll < 60 ? projects[0] : roll < 90 ? projects[1 % projects.Length] : projects[^1];
            var problem = PickProblem();
            tally[problem] = tally.GetValueOrDefault(problem) + 1;
            var issue = _store.InsertIssue(project, Title(), "Generated issue for the hygiene simulator.", Pick(_authorIds), createdAt);
            Shape(issue, problem);
            var updated = createdAt + ((_now - createdAt) * _random.NextDouble());
            issue.UpdatedAt = updated;
            if (!issue.IsOpen)
            {
                issue.ClosedAt = updated;
                issue.ClosedById = issue.AuthorId;
            }
        }

        return tally;
    }

    private void Shape(SimIssue issue, HygieneProblem problem)
    {
        var labels = new List<string>();
        long? milestone = Pick(_currentSprints);
        var flow = Pick(HandbookTaxonomy.FlowValues);
        var assigned = true;
        labels.Add(Pick(HandbookTaxonomy.Types));
        labels.Add(PickStage());
        if (_random.Next(10) < 3)
        {
            labels.Add(Pick(HandbookTaxonomy.Others));
        }

        switch (problem)
        {
            case HygieneProblem.NoMilestone:
                milestone = null;
                flow = _random.Next(2) == 0 ? null : flow;
                break;
            case HygieneProblem.SprintWithoutFlow:
                flow = null;
                break;
            case HygieneProblem.TwoFlowLabels:
                labels.Add(HandbookTaxonomy.Flow("Review"));
                flow = "Doing";
                break;
            case HygieneProblem.UnknownFlowValue:
                labels.Add(_random.Next(2) == 0 ? "flow::doing" : "flow::In Progress");
                flow = null;
                break;
            case HygieneProblem.NoTypeLabel:
                labels.RemoveAt(0);
                break;
            case HygieneProblem.TwoTypeLabels:
                labels.Add(labels[0] == "Bug" ? "Discussion" : "Bug");
                break;
            case HygieneProblem.NotebookStage:
                labels[1] = "Notebook";
                break;
            case HygieneProblem.ActiveFlowWithoutAssignee:
                flow = Pick(HandbookTaxonomy.ActiveFlowValues);
                assigned = false;
                break;
            case HygieneProblem.ToDoInBacklog:
                milestone = _seed.BacklogMilestoneId;
                flow = "To Do";
                break;
            case HygieneProblem.OverdueSprint:
                milestone = _pastSprints.Length > 0 ? Pick(_pastSprints) : milestone;
                break;
            case HygieneProblem.UndocumentedLabel:
                labels.Add(_random.Next(2) == 0 ? "needs-info" : "good first issue");
                break;
            case HygieneProblem.Closed:
                issue.IsOpen = false;
                break;
            default:
                // Clean: a third of them wait in the Backlog, untriaged.
                if (_random.Next(3) == 0)
                {
                    milestone = _seed.BacklogMilestoneId;
                    flow = "Triage";
                }

                break;
        }

        if (flow is not null)
        {
            labels.Add(HandbookTaxonomy.Flow(flow));
        }

        issue.LabelIds = [.. labels.Distinct().Select(t => _store.FindLabel(issue.Project, t)!.Id)];
        issue.MilestoneId = milestone;
        if (assigned && (flow is null || HandbookTaxonomy.ActiveFlowValues.Contains(flow) || _random.Next(2) == 0))
        {
            issue.AssigneeIds = [Pick(_assigneeIds)];
        }
    }

    private HygieneProblem PickProblem()
    {
        var roll = _random.Next(100);
        foreach (var (problem, weight) in Mix)
        {
            if (roll < weight)
            {
                return problem;
            }

            roll -= weight;
        }

        return HygieneProblem.None;
    }

    private string PickStage()
    {
        string stage;
        do
        {
            stage = Pick(HandbookTaxonomy.Stages);
        }
        while (stage == "Notebook");
        return stage;
    }

    private string Title() => $"{Pick(Verbs)} {Pick(Things)}";

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
