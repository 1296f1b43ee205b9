using IssueHygiene.Core.Actuation;
using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Issues;
using IssueHygiene.Core.Reporting;

namespace IssueHygiene.Core.Tests.Actuation;

/// <summary>The optional marker label rides in the fixes' quick actions, on while an error remains, off when clean.</summary>
public sealed class MarkerLabelTests
{
    private const string Marker = "hygiene::needs-attention";
    private static readonly Evaluator Evaluator = new(TestData.Handbook with { Summary = new() { MarkerLabel = Marker } });
    private static readonly WritePlanner Planner = new(Evaluator, FixMode.QuickActions);

    private static WritePlan Plan(IssueSnapshot issue, IReadOnlyList<ExistingNote>? notes = null) =>
        Planner.Plan(Evaluator.Evaluate(issue, TestData.Now), notes ?? [], TestData.Now);

    [Fact]
    public void AnErrorTheFixesDoNotRemove_AddsTheMarkerInTheSameNote()
    {
        // Two flow labels: flow-label-single is an error no quick action fixes.
        var plan = Plan(TestData.With(["flow::Doing", "flow::Review", "Bug", "Extract"], TestData.Sprint("2026-11-27")));

        var write = Assert.Single(plan.Writes);
        Assert.Equal(WriteKind.NoteCreate, write.Kind);
        Assert.Contains($"/label ~\"{Marker}\"", write.QuickActions);
    }

    [Fact]
    public void AnErrorTheFixesRemove_NeedsNoMarker()
    {
        var plan = Plan(TestData.With(["Extract", "Bug"]));

        var write = Assert.Single(plan.Writes);
        Assert.DoesNotContain(write.QuickActions, a => a.Contains(Marker, StringComparison.Ordinal));
    }

    [Fact]
    public void MarkedAndStillBroken_PlansNothing_MarkedAndClean_RemovesItInOneWrite()
    {
        var broken = TestData.With(["flow::Doing", "flow::Review", "Bug", "Extract", Marker], TestData.Sprint("2026-11-27"));
        var first = Plan(broken);
        var note = ExistingNote.FromBody(1, first.Writes[0].Body!);
        Assert.Empty(Plan(broken, [note]).Writes);

        var clean = TestData.CleanIssue() with { Labels = [.. TestData.CleanIssue().Labels, Marker] };
        var withNote = Plan(clean, [note]);
        Assert.Contains(withNote.Writes, w => w.Kind == WriteKind.QuickActions && w.QuickActions.SequenceEqual([$"/unlabel ~\"{Marker}\""]));

        var noNote = Assert.Single(Plan(clean).Writes);
        Assert.Equal(WriteKind.QuickActions, noNote.Kind);
        Assert.Equal([$"/unlabel ~\"{Marker}\""], noNote.QuickActions);
    }

    [Fact]
    public void TheMarkerIsADocumentedLabel_AndOffByDefault()
    {
        var marked = TestData.CleanIssue() with { Labels = [.. TestData.CleanIssue().Labels, Marker] };
        Assert.DoesNotContain(Evaluator.Evaluate(marked, TestData.Now).Violations, v => v.Rule == "label-documented");
        Assert.Null(TestData.Handbook.Summary.MarkerLabel);
        Assert.Empty(new WritePlanner(new Evaluator(TestData.Handbook), FixMode.QuickActions).Plan(new Evaluator(TestData.Handbook).Evaluate(TestData.CleanIssue(), TestData.Now), [], TestData.Now).Writes);
    }
}
