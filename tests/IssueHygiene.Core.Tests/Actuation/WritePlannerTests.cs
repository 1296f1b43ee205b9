using IssueHygiene.Core.Actuation;
using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Issues;
using IssueHygiene.Core.Rendering;
using IssueHygiene.Core.Reporting;

namespace IssueHygiene.Core.Tests.Actuation;

/// <summary>The sticky-note lifecycle and fix convergence (docs/architecture.md §4), decided without GitLab.</summary>
public sealed class WritePlannerTests
{
    private static readonly Evaluator Evaluator = new(TestData.Handbook);
    private static readonly WritePlanner Planner = new(Evaluator, FixMode.QuickActions);
    private static readonly MilestoneRef Current = TestData.Sprint("2026-11-27");

    private static Verdict Evaluate(IssueSnapshot issue) => Evaluator.Evaluate(issue, TestData.Now);

    /// <summary>What GitLab stores after a POST: the text without the quick-action lines.</summary>
    private static ExistingNote Stored(long id, PlannedWrite write) => ExistingNote.FromBody(id, write.Body!);

    /// <summary>What GitLab does with the quick actions our rules plan (label, milestone).</summary>
    private static IssueSnapshot Apply(IssueSnapshot issue, IEnumerable<string> quickActions)
    {
        foreach (var action in quickActions)
        {
            var quoted = action[(action.IndexOf('"', StringComparison.Ordinal) + 1)..^1];
            issue = action.StartsWith("/label", StringComparison.Ordinal)
                ? issue with { Labels = [.. issue.Labels, quoted] }
                : issue with { Milestone = quoted == "Backlog" ? TestData.Backlog : TestData.Sprint(quoted) };
        }

        return issue;
    }

    [Fact]
    public void Plan_NewOffenderWithoutNote_OneNoteCreateCarryingTheFix()
    {
        var plan = Planner.Plan(Evaluate(TestData.With(["Extract"])), [], TestData.Now);

        var write = Assert.Single(plan.Writes);
        Assert.Equal(WriteKind.NoteCreate, write.Kind);
        Assert.Equal(["/milestone %\"Backlog\"", "/label ~\"flow::Triage\""], write.QuickActions);
        Assert.StartsWith(LintNote.Marker + "\n<!-- issue-hygiene:state hash=", write.Body, StringComparison.Ordinal);
        Assert.Equal(plan.NoteHash, LintNote.StateHashOf(write.Body!));
    }

    [Fact]
    public void Plan_AfterTheFixIsApplied_WritesNothing()
    {
        var issue = TestData.With(["Extract"]);
        var create = Planner.Plan(Evaluate(issue), [], TestData.Now).Writes.Single();

        var fixedIssue = Apply(issue, create.QuickActions);
        var plan = Planner.Plan(Evaluate(fixedIssue), [Stored(1, create)], TestData.Now);

        Assert.True(plan.IsEmpty, string.Join(", ", plan.Writes.Select(w => w.Kind)));
    }

    [Fact]
    public void Plan_OnlyFixableFindings_ConvergeEvenIfTheFixedIssueIsClean()
    {
        var issue = TestData.With(["Bug", "Extract"], Current);
        var create = Planner.Plan(Evaluate(issue), [], TestData.Now).Writes.Single();

        var fixedIssue = Apply(issue, create.QuickActions);

        Assert.True(Evaluate(fixedIssue).IsClean);
        Assert.True(Planner.Plan(Evaluate(fixedIssue), [Stored(1, create)], TestData.Now).IsEmpty);
    }

    [Fact]
    public void Plan_UnchangedFindings_WritesNothing()
    {
        var issue = TestData.With(["flow::Doing", "Bug", "Notebook"], Current);
        var create = Planner.Plan(Evaluate(issue), [], TestData.Now).Writes.Single();

        Assert.True(Planner.Plan(Evaluate(issue), [Stored(9, create)], TestData.Now).IsEmpty);
    }

    [Fact]
    public void Plan_ChangedFindings_EditsTheNoteInPlace()
    {
        var issue = TestData.With(["flow::Doing", "Bug", "Notebook"], Current);
        var create = Planner.Plan(Evaluate(issue), [], TestData.Now).Writes.Single();

        var plan = Planner.Plan(Evaluate(issue with { Labels = [.. issue.Labels, "flow::Review"] }), [Stored(9, create)], TestData.Now);

        var edit = Assert.Single(plan.Writes);
        Assert.Equal(WriteKind.NoteEdit, edit.Kind);
        Assert.Equal(9, edit.NoteId);
        Assert.Contains("flow-label-single", edit.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_IssueBecameClean_EditsToResolvedOnceThenNothing()
    {
        var issue = TestData.With(["flow::Doing", "Bug", "Notebook"], Current);
        var create = Planner.Plan(Evaluate(issue), [], TestData.Now).Writes.Single();

        var resolve = Planner.Plan(Evaluate(TestData.CleanIssue()), [Stored(9, create)], TestData.Now);
        var edit = Assert.Single(resolve.Writes);
        Assert.Contains("all resolved", edit.Body, StringComparison.Ordinal);

        Assert.True(Planner.Plan(Evaluate(TestData.CleanIssue()), [ExistingNote.FromBody(9, edit.Body!)], TestData.Now).IsEmpty);
    }

    [Fact]
    public void Plan_CleanIssueWithoutNote_WritesNothing()
    {
        Assert.True(Planner.Plan(Evaluate(TestData.CleanIssue()), [], TestData.Now).IsEmpty);
    }

    [Fact]
    public void Plan_DuplicateNotes_KeepsTheOldestAndDeletesTheRest()
    {
        var issue = TestData.With(["flow::Doing", "Bug", "Notebook"], Current);
        var create = Planner.Plan(Evaluate(issue), [], TestData.Now).Writes.Single();

        var plan = Planner.Plan(Evaluate(issue), [Stored(30, create), Stored(10, create), Stored(20, create)], TestData.Now);

        Assert.Equal([(WriteKind.NoteDelete, 20L), (WriteKind.NoteDelete, 30L)], plan.Writes.Select(w => (w.Kind, w.NoteId!.Value)));
        Assert.Equal(10, plan.KeptNoteId);
    }

    [Fact]
    public void Plan_FixUndoneByAHuman_ReappliesWithCommandsOnlyAndNoEdit()
    {
        var issue = TestData.With(["Extract"]);
        var create = Planner.Plan(Evaluate(issue), [], TestData.Now).Writes.Single();

        // The note already stands for the fixed state; only the quick actions are needed again.
        var plan = Planner.Plan(Evaluate(issue), [Stored(4, create)], TestData.Now);

        var write = Assert.Single(plan.Writes);
        Assert.Equal(WriteKind.QuickActions, write.Kind);
        Assert.Equal(["/milestone %\"Backlog\"", "/label ~\"flow::Triage\""], write.QuickActions);
    }

    [Fact]
    public void Plan_HandEditedNoteWithoutState_IsRestored()
    {
        var issue = TestData.With(["flow::Doing", "Bug", "Notebook"], Current);

        var plan = Planner.Plan(Evaluate(issue), [ExistingNote.FromBody(4, LintNote.Marker + "\nsomeone edited this")], TestData.Now);

        Assert.Equal(WriteKind.NoteEdit, Assert.Single(plan.Writes).Kind);
    }

    [Theory]
    [InlineData(IssueState.Closed, new string[0])]
    [InlineData(IssueState.Opened, new[] { "hygiene::ignore" })]
    public void Plan_ClosedOrExempt_LeavesTheIssueAlone(IssueState state, string[] labels)
    {
        var issue = TestData.With(labels) with { State = state };

        Assert.True(Planner.Plan(Evaluate(issue), [ExistingNote.FromBody(1, LintNote.Marker + "\nold")], TestData.Now).IsEmpty);
    }

    [Fact]
    public void Plan_ApiMode_CreatesTheNoteAndUpdatesByRest()
    {
        var planner = new WritePlanner(Evaluator, FixMode.Api);
        var catalog = new TrackerCatalog(new MilestoneCatalog([TestData.Backlog with { Id = 77 }]), null);

        var plan = planner.Plan(Evaluator.Evaluate(TestData.With(["Extract"]), TestData.Now, catalog), [], TestData.Now, catalog);

        Assert.Equal([WriteKind.NoteCreate, WriteKind.RestUpdate], plan.Writes.Select(w => w.Kind));
        Assert.Empty(plan.Writes[0].QuickActions);
        Assert.Equal("77", plan.Writes[1].RestFields["milestone_id"]);
        Assert.Equal("flow::Triage", plan.Writes[1].RestFields["add_labels"]);
    }

    [Fact]
    public void Plan_ApiModeWithoutMilestoneId_FallsBackToQuickActions()
    {
        var planner = new WritePlanner(Evaluator, FixMode.Api);

        var plan = planner.Plan(Evaluate(TestData.With(["Extract"])), [], TestData.Now);

        Assert.Equal(["/milestone %\"Backlog\"", "/label ~\"flow::Triage\""], Assert.Single(plan.Writes).QuickActions);
    }

    [Fact]
    public void Plan_EveryRuleTableRow_NeverMoreThanTwoWritesAndConverges()
    {
        string[][] labelSets = [[], ["Extract"], ["flow::Doing"], ["flow::doing", "Bug"], ["flow::To Do", "Bug", "Load"], ["Notebook", "Bug"]];
        MilestoneRef?[] milestones = [null, TestData.Backlog, Current, TestData.Sprint("2026-11-20")];
        foreach (var labels in labelSets)
        {
            foreach (var milestone in milestones)
            {
                var issue = TestData.With(labels, milestone, assigned: labels.Length % 2 == 0);
                var first = Planner.Plan(Evaluate(issue), [], TestData.Now);
                Assert.True(first.Writes.Count <= 2);

                var notes = first.Writes.Where(w => w.Kind == WriteKind.NoteCreate).Select(w => Stored(1, w)).ToList();
                var fixedIssue = Apply(issue, first.Writes.SelectMany(w => w.QuickActions));
                var second = Planner.Plan(Evaluate(fixedIssue), notes, TestData.Now);
                Assert.True(second.IsEmpty, $"{string.Join(",", labels)} / {milestone?.Title}: {string.Join(", ", second.Writes.Select(w => w.Kind))}");
            }
        }
    }
}
