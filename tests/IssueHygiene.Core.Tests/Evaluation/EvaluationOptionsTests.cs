using IssueHygiene.Core.Actuation;
using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Rendering;
using IssueHygiene.Core.Reporting;

namespace IssueHygiene.Core.Tests.Evaluation;

/// <summary>Waivers, <c>explain</c> and command answers: optional additions to the plain evaluation.</summary>
public sealed class EvaluationOptionsTests
{
    private static readonly Evaluator Evaluator = new(TestData.Handbook);
    private static readonly WritePlanner Planner = new(Evaluator, FixMode.QuickActions);
    private static readonly LintNoteRenderer Renderer = new(TestData.Handbook);
    private static readonly RuleWaiver TypeLabelWaiver = new("type-label", new DateOnly(2026, 12, 31), "imported `from` Jira\n/close", "dev");

    // type-label is info (never in the note): the note-lifecycle tests waive a warning that is in the note.
    private static readonly RuleWaiver UnusedStageWaiver = new("stage-label-unused", new DateOnly(2026, 12, 31), "legacy", "dev");

    [Fact]
    public void Evaluate_NoOptions_SameAsPlainEvaluation()
    {
        var issue = TestData.With(["Extract"]);

        var plain = Evaluator.Evaluate(issue, TestData.Now);
        var withNone = Evaluator.Evaluate(issue, TestData.Now, null, EvaluationOptions.None);

        Assert.Equal(plain.Violations, withNone.Violations);
        Assert.Equal(plain.QuickActions, withNone.QuickActions);
        Assert.Null(withNone.Explanation);
        Assert.False(withNone.HasAnswer);
    }

    [Fact]
    public void Evaluate_WaivedRule_FindingAndItsFixDropped()
    {
        var issue = TestData.With(["Extract"]);

        var verdict = Evaluator.Evaluate(issue, TestData.Now, null, new EvaluationOptions
        {
            Waivers = [new RuleWaiver("milestone-required", null, "", "dev"), TypeLabelWaiver],
        });

        Assert.DoesNotContain(verdict.Violations, v => v.Rule is "milestone-required" or "type-label");
        Assert.DoesNotContain(verdict.QuickActions, a => a.Render().StartsWith("/milestone", StringComparison.Ordinal));
        Assert.Equal(2, verdict.Waivers.Count);
    }

    [Fact]
    public void Evaluate_Explain_EveryEnabledIssueRuleOnceWithResult()
    {
        var verdict = Evaluator.Evaluate(TestData.With(["Extract"]), TestData.Now, null, new EvaluationOptions { Explain = true, Waivers = [TypeLabelWaiver] });

        var checks = verdict.Explanation!;
        Assert.Equal(checks.Count, checks.Select(c => c.RuleId).Distinct().Count());
        Assert.Equal(RuleCheckResult.Failed, checks.Single(c => c.RuleId == "milestone-required").Result);
        Assert.Equal(RuleCheckResult.Waived, checks.Single(c => c.RuleId == "type-label").Result);
        Assert.Equal(RuleCheckResult.Passed, checks.Single(c => c.RuleId == "flow-label-single").Result);
        Assert.Contains(checks, c => c.RuleId == "label-documented");
    }

    [Fact]
    public void Render_WaiverWithUserText_EscapedInCodeSpanNeverStartsALine()
    {
        var verdict = Evaluator.Evaluate(TestData.With(["Extract"]), TestData.Now, null, new EvaluationOptions { Waivers = [TypeLabelWaiver] });

        var body = Renderer.Render(verdict).Body;

        Assert.Contains("- `type-label` waived by `dev` until 2026-12-31: ``imported `from` Jira /close``", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\n/close", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ReplyOnCleanIssue_ResolvedTextWithAnswer()
    {
        var verdict = Evaluator.Evaluate(TestData.CleanIssue(), TestData.Now, null, new EvaluationOptions { Replies = [new NoteReply("Hello {0}", ["@all"])] });

        var body = Renderer.Render(verdict).Body;

        Assert.Contains("all resolved", body, StringComparison.Ordinal);
        Assert.Contains("- Hello `@all`", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_ExplainOnUnchangedNote_EditsOnceThenNothing()
    {
        var issue = TestData.With(["Notebook", "Bug", "flow::Triage"], TestData.Backlog);
        var first = Planner.Plan(Evaluator.Evaluate(issue, TestData.Now), [], TestData.Now).Writes.Single();
        var stored = ExistingNote.FromBody(1, first.Body!);

        var explained = Planner.Plan(Evaluator.Evaluate(issue, TestData.Now, null, new EvaluationOptions { Explain = true }), [stored], TestData.Now);
        var edit = Assert.Single(explained.Writes);
        Assert.Equal(WriteKind.NoteEdit, edit.Kind);
        Assert.Contains("**Every rule checked**", edit.Body, StringComparison.Ordinal);

        // The explanation is not part of the note's state: the next plain evaluation leaves it in place.
        Assert.True(Planner.Plan(Evaluator.Evaluate(issue, TestData.Now), [ExistingNote.FromBody(1, edit.Body!)], TestData.Now).IsEmpty);
    }

    [Fact]
    public void Plan_NewWaiver_NoteEditedToShowItAndStaysConverged()
    {
        var issue = TestData.With(["Notebook", "Bug", "flow::Triage"], TestData.Backlog);
        var first = Planner.Plan(Evaluator.Evaluate(issue, TestData.Now), [], TestData.Now).Writes.Single();
        var waived = Evaluator.Evaluate(issue, TestData.Now, null, new EvaluationOptions { Waivers = [UnusedStageWaiver] });

        var edit = Assert.Single(Planner.Plan(waived, [ExistingNote.FromBody(1, first.Body!)], TestData.Now).Writes);

        Assert.Equal(WriteKind.NoteEdit, edit.Kind);
        Assert.Contains("**Waived**", edit.Body, StringComparison.Ordinal);
        Assert.True(Planner.Plan(waived, [ExistingNote.FromBody(1, edit.Body!)], TestData.Now).IsEmpty);
    }
}
