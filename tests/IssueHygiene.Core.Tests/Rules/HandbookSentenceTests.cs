using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Issues;
using IssueHygiene.Core.Policy;
using IssueHygiene.Core.Tests.Secrets;

namespace IssueHygiene.Core.Tests.Rules;

/// <summary>
/// The default policy, sentence by sentence: each row cites the handbook sentence it checks (word for word, see
/// Fixtures/handbook-sentences.md) and gives an issue, what GitLab has, and what the bot must find and write.
/// Today is Monday 2026-11-23; the current sprint is 2026-11-27 (its Friday).
/// </summary>
public sealed class HandbookSentenceTests
{
    private const string EveryOpenIssue = "Every open issue should have a milestone.";
    private const string NotAPriorityYet = "If something we want to happen eventually is not a priority yet, use `Backlog`.";
    private const string OnceAPriority = "Once an issue becomes a priority, set a sprint milestone (identified by the Friday of the week in question), even if it's still weeks away and may end up being moved.";
    private const string TriageRecipe = "If it's more urgent (...): /milestone %<current milestone> /label ~\"flow::To Do\"";
    private const string FlowLabel = "Every open issue _with a sprint milestone_ should have a `flow` label";
    private const string WhenPossible = "When possible, an issue should have a label indicating its type";
    private const string IfAppropriate = "If appropriate, an issue should have a stage label (one of the letters in \"meltano\")";
    private const string Notebook = "`Notebook` (currently unused)";
    private const string AfterTriage = "After they've been triaged, they'll have a milestone (other than `Backlog`), an assignee, and the `flow::To Do` label.";
    private const string Documented = "New labels can be created as appropriate at the Group Level and should be documented them here.";

    private static readonly Evaluator Evaluator = new(TestData.Handbook);
    private static readonly MilestoneRef Past = Milestone(1, "2026-11-20");
    private static readonly MilestoneRef Current = Milestone(2, "2026-11-27");
    private static readonly MilestoneRef Next = Milestone(3, "2026-12-04");
    private static readonly MilestoneRef Backlog = Milestone(4, "Backlog");
    private static readonly MilestoneRef Release = Milestone(5, "v3.0");

    /// <summary>GitLab's milestones: Backlog, a past, the current and the next sprint, and a release.</summary>
    private static readonly TrackerCatalog WithCurrentSprint = new(new MilestoneCatalog([Past, Current, Next, Backlog, Release]), null);

    /// <summary>No sprint milestone dated on or after today exists (nobody ran <c>milestones plan</c>).</summary>
    private static readonly TrackerCatalog NoCurrentSprint = new(new MilestoneCatalog([Past, Backlog, Release]), null);

    public static TheoryData<string, string[], string?, bool, string[], string[]> Sentences => new()
    {
        // handbook sentence, labels, milestone, current sprint exists, rules found (in the note or reports), quick actions applied
        { EveryOpenIssue, ["Bug", "Extract"], null, true, ["milestone-required"], ["/milestone %\"Backlog\"", "/label ~\"flow::Triage\""] },
        { NotAPriorityYet, ["Bug", "Extract", "flow::Triage"], "Backlog", true, [], [] },
        { NotAPriorityYet + " (already triaged: Backlog only)", ["Bug", "Extract", "flow::Triage"], null, true, ["milestone-required"], ["/milestone %\"Backlog\""] },
        { OnceAPriority + " (Doing)", ["Bug", "Extract", "flow::Doing"], null, true, ["milestone-required"], ["/milestone %\"2026-11-27\""] },
        { OnceAPriority + " (To Do)", ["Bug", "Extract", "flow::To Do"], null, true, ["milestone-required"], ["/milestone %\"2026-11-27\""] },
        { OnceAPriority + " (Review)", ["Bug", "Extract", "flow::Review"], null, true, ["milestone-required"], ["/milestone %\"2026-11-27\""] },
        { OnceAPriority + " (Blocked)", ["Bug", "Extract", "flow::Blocked"], null, true, ["milestone-required"], ["/milestone %\"2026-11-27\""] },
        { OnceAPriority + " (no current sprint: a comment, never Backlog)", ["Bug", "Extract", "flow::Doing"], null, false, ["milestone-required"], [] },
        { TriageRecipe, ["Bug", "Extract", "flow::To Do"], "2026-11-27", true, [], [] },
        { FlowLabel, ["Bug", "Extract"], "2026-11-27", true, ["flow-label-required"], ["/label ~\"flow::Triage\""] },
        { FlowLabel + " (a later sprint too)", ["Bug", "Extract"], "2026-12-04", true, ["flow-label-required"], ["/label ~\"flow::Triage\""] },
        { FlowLabel + " (not a sprint milestone: no flow label needed)", ["Bug", "Extract"], "v3.0", true, [], [] },
        { FlowLabel + " (Backlog: no flow label needed)", ["Bug", "Extract"], "Backlog", true, [], [] },
        { WhenPossible, ["Extract", "flow::Doing"], "2026-11-27", true, ["type-label"], [] },
        { IfAppropriate, ["Bug", "flow::Doing"], "2026-11-27", true, ["stage-label"], [] },
        { Notebook, ["Bug", "Notebook", "flow::Doing"], "2026-11-27", true, ["stage-label-unused"], [] },
        { AfterTriage + " (milestone other than Backlog)", ["Bug", "Extract", "flow::To Do"], "Backlog", true, ["triaged-needs-milestone"], [] },
        { AfterTriage + " (Blocked work is triaged too)", ["Bug", "Extract", "flow::Blocked"], "Backlog", true, ["triaged-needs-milestone"], [] },
        { AfterTriage + " (flow::Triage may sit in Backlog)", ["Bug", "Extract", "flow::Triage"], "Backlog", true, [], [] },
        { Documented, ["Bug", "Extract", "flow::Doing", "needs-love"], "2026-11-27", true, ["label-documented"], [] },
        { OnceAPriority + " (the sprint ended last Friday)", ["Bug", "Extract", "flow::Doing"], "2026-11-20", true, ["sprint-overdue"], [] },
    };

    [Theory]
    [MemberData(nameof(Sentences))]
    public void Evaluate_HandbookSentence_FindsAndFixesWhatItSays(string sentence, string[] labels, string? milestone, bool currentSprintExists, string[] rules, string[] fixes)
    {
        var catalog = currentSprintExists ? WithCurrentSprint : NoCurrentSprint;
        var issue = TestData.With(labels, milestone is null ? null : catalog.Milestones.Find(milestone) ?? Milestone(9, milestone));

        var verdict = Evaluator.Evaluate(issue, TestData.Now, catalog);

        Assert.True(rules.SequenceEqual(verdict.Violations.Select(v => v.Rule).Distinct()), sentence + ": " + string.Join(", ", verdict.Violations.Select(v => v.Rule)));
        Assert.True(fixes.SequenceEqual(verdict.QuickActions.Select(a => a.Render())), sentence + ": " + string.Join(" ", verdict.QuickActions));
        Assert.DoesNotContain(verdict.QuickActions, a => a is SetMilestoneAction { Title: "Backlog" } && labels.Any(Evaluator.Policy.IsInFlowLabel));
        // What the note promises is a state with no finding the fix made.
        Assert.All(verdict.ViolationsAfterFixes, v => Assert.Contains(verdict.Violations, before => before.Rule == v.Rule));
    }

    /// <summary>
    /// What a person copies when the bot does not fix a finding, sentence by sentence: the exact quick actions (all lines
    /// together), or one line per choice (<c>keep X: …</c>) when only a person can choose. Look-alike labels (case, a
    /// non-Latin letter, a no-break space) get the swap in every label family.
    /// </summary>
    public static TheoryData<string, string[], string?, bool, string, string[]> Copyable => new()
    {
        // handbook sentence, labels, milestone, assigned, rule, what to copy
        { FlowLabel + " (one of them: a person keeps one)", ["Bug", "Extract", "flow::Doing", "flow::Review"], "2026-11-27", true, "flow-label-single",
            ["keep flow::Doing: /unlabel ~\"flow::Review\"", "keep flow::Review: /unlabel ~\"flow::Doing\""] },
        { FlowLabel + " (a Cyrillic о is not an o)", ["Bug", "Extract", "flow::D\u043Eing"], "2026-11-27", true, "flow-label-known",
            ["/unlabel ~\"flow::D\u043Eing\"", "/label ~\"flow::Doing\""] },
        { AfterTriage + " (an assignee: GitLab's self-assign form)", ["Bug", "Extract", "flow::Doing"], "2026-11-27", false, "triaged-needs-assignee", ["/assign me"] },
        { AfterTriage + " (a milestone other than Backlog)", ["Bug", "Extract", "flow::To Do"], "Backlog", true, "triaged-needs-milestone", ["/milestone %\"2026-11-27\""] },
        { WhenPossible + " (`bug` is not `Bug`)", ["bug", "Extract", "flow::Doing"], "2026-11-27", true, "type-label", ["/unlabel ~\"bug\"", "/label ~\"Bug\""] },
        { WhenPossible + " (a Greek υ is not a u)", ["B\u03C5g", "Extract", "flow::Doing"], "2026-11-27", true, "type-label", ["/unlabel ~\"B\u03C5g\"", "/label ~\"Bug\""] },
        { WhenPossible + " (one type: a person keeps one)", ["Bug", "Discussion", "Extract", "flow::Doing"], "2026-11-27", true, "type-label",
            ["keep Bug: /unlabel ~\"Discussion\"", "keep Discussion: /unlabel ~\"Bug\""] },
        { IfAppropriate + " (a Cyrillic а is not an a)", ["Bug", "Extr\u0430ct", "flow::Doing"], "2026-11-27", true, "stage-label", ["/unlabel ~\"Extr\u0430ct\"", "/label ~\"Extract\""] },
        { Notebook, ["Bug", "Extract", "Notebook", "flow::Doing"], "2026-11-27", true, "stage-label-unused", ["/unlabel ~\"Notebook\""] },
        { Documented + " (a no-break space is not a space)", ["Bug", "Extract", "flow::Doing", "Singer\u00A0SDK"], "2026-11-27", true, "label-documented", ["/unlabel ~\"Singer\u00A0SDK\"", "/label ~\"Singer SDK\""] },
    };

    [Theory]
    [MemberData(nameof(Copyable))]
    public void Evaluate_FindingNotFixed_GivesTheExactQuickActionsToCopy_AndCopyingThemEndsIt(string sentence, string[] labels, string? milestone, bool assigned, string rule, string[] copy)
    {
        var issue = TestData.With(labels, milestone is null ? null : WithCurrentSprint.Milestones.Find(milestone), assigned);
        var before = Evaluator.Evaluate(issue, TestData.Now, WithCurrentSprint);

        var finding = before.Violations.Single(v => v.Rule == rule);
        Assert.Empty(finding.Fixes);
        var offered = finding.Choices.Count > 0
            ? finding.Choices.Select(c => $"keep {c.Keeps}: {c.Action.Render()}").ToList()
            : finding.Suggested.Select(a => a.Render()).ToList();
        Assert.True(copy.SequenceEqual(offered), sentence + ": " + string.Join(" | ", offered));

        // Whichever a person copies, the finding goes and no finding appears that was not there before.
        var outcomes = finding.Choices.Count > 0
            ? finding.Choices.Select(c => c.Action.ApplyTo(issue, WithCurrentSprint)).ToList()
            : [finding.Suggested.Aggregate(issue, (i, a) => a.ApplyTo(i, WithCurrentSprint))];
        foreach (var after in outcomes.Select(i => Evaluator.Evaluate(i, TestData.Now, WithCurrentSprint)))
        {
            Assert.DoesNotContain(after.Violations, v => v.Rule == rule);
            Assert.All(after.Violations, v => Assert.Contains(before.Violations, b => b.Rule == v.Rule));
        }
    }

    [Fact]
    public void Evaluate_InFlowWithoutCurrentSprint_CommentSaysHowToSetIt()
    {
        // OnceAPriority: work in flow is a priority; Backlog would contradict the handbook.
        var verdict = Evaluator.Evaluate(TestData.With(["Bug", "Extract", "flow::Doing"]), TestData.Now, NoCurrentSprint);

        var finding = Assert.Single(verdict.Violations);
        Assert.Empty(finding.Fixes);
        Assert.Contains("milestones plan", finding.FixUnavailable, StringComparison.Ordinal);
        Assert.Equal("This issue is marked \"flow::Doing\" but has no milestone; work in flow belongs in the current sprint milestone, not in Backlog.", finding.Message);
    }

    [Fact]
    public void Evaluate_TriagedWorkInBacklog_SuggestsTheCurrentSprintToCopy()
    {
        // AfterTriage: "a milestone (other than `Backlog`)"; the rule comments, so the note gives the exact command.
        var verdict = Evaluator.Evaluate(TestData.With(["Bug", "Extract", "flow::To Do"], Backlog), TestData.Now, WithCurrentSprint);

        var finding = Assert.Single(verdict.Violations);
        Assert.Equal(["/milestone %\"2026-11-27\""], finding.Suggested.Select(a => a.Render()));
    }

    [Fact]
    public void Evaluate_AdvisorySentences_AreInfoAndNeverInTheNote()
    {
        // WhenPossible and IfAppropriate: advice, not an obligation.
        var verdict = Evaluator.Evaluate(TestData.With(["flow::Doing"], Current), TestData.Now, WithCurrentSprint);

        Assert.Equal(["type-label", "stage-label"], verdict.Violations.Select(v => v.Rule));
        Assert.All(verdict.Violations, v => Assert.Equal(Severity.Info, v.Severity));
        Assert.DoesNotContain(verdict.Violations, v => v.InLintNote);
    }

    [Theory]
    [InlineData("2026-11-23 – 2026-11-27", "2026-11-24T09:00:00Z", false)]
    [InlineData("2026-11-23 – 2026-11-27", "2026-11-28T09:00:00Z", true)]
    [InlineData("Sprint 2026-11-27 (kickoff 2026-11-23)", "2026-11-25T09:00:00Z", false)]
    [InlineData("2026-11-16 to 2026-11-19", "2026-11-20T09:00:00Z", true)]
    public void Evaluate_SprintTitleWithSeveralDates_TheFridayIdentifiesTheSprint(string title, string now, bool overdue)
    {
        // "set a sprint milestone (identified by the Friday of the week in question)"; no Friday: the last date.
        var verdict = Evaluator.Evaluate(TestData.With(["Bug", "Extract", "flow::Doing"], new MilestoneRef(7, title)), DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(overdue, verdict.Violations.Any(v => v.Rule == "sprint-overdue"));
    }

    [Theory]
    [InlineData("2026-11-23 – 2026-11-27", "2026-11-27")]
    [InlineData("2026-11-27 / 2026-12-01", "2026-11-27")]
    [InlineData("2026-11-16 to 2026-11-19", "2026-11-19")]
    [InlineData("Week 2026-11-24", "2026-11-24")]
    public void SprintDateOf_SeveralDates_WeekdayWinsElseTheLast(string title, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), TestData.Handbook.Milestones.Sprint.DateOf(title));
    }

    [Theory]
    [InlineData("Backlog")]
    [InlineData("v3.0")]
    [InlineData("Sprint 48")]
    [InlineData("2026-13-45")]
    public void SprintDateOf_NoDate_IsNotASprint(string title)
    {
        Assert.Null(TestData.Handbook.Milestones.Sprint.DateOf(title));
    }

    [Fact]
    public void CurrentSprint_FirstActiveSprintOnOrAfterToday_FromGitLabsList()
    {
        var closed = new MilestoneRef(10, "2026-11-25", State: "closed");
        var catalog = new MilestoneCatalog([Past, Next, closed, Current, Backlog]);

        Assert.Equal("2026-11-27", Evaluator.Policy.CurrentSprint(catalog, new DateOnly(2026, 11, 23))?.Title);
        Assert.Equal("2026-11-27", Evaluator.Policy.CurrentSprint(catalog, new DateOnly(2026, 11, 27))?.Title);
        Assert.Equal("2026-12-04", Evaluator.Policy.CurrentSprint(catalog, new DateOnly(2026, 11, 28))?.Title);
        Assert.Null(Evaluator.Policy.CurrentSprint(catalog, new DateOnly(2026, 12, 5)));
        Assert.Null(Evaluator.Policy.CurrentSprint(MilestoneCatalog.Unknown, new DateOnly(2026, 11, 23)));
    }

    [Fact]
    public void Evaluate_LeakInsideGracePeriod_ReportedAtOnce()
    {
        // "the following actions should be taken as soon as anyone on the team realizes there were credentials/secrets exposed"
        var issue = TestData.CleanIssue() with { CreatedAt = TestData.Now.AddMinutes(-5), Description = "token " + new SecretSamples(3).GitLab("glpat-") };

        var verdict = Evaluator.Evaluate(issue, TestData.Now);

        Assert.Equal(EvaluationStatus.SkippedGracePeriod, verdict.Status);
        Assert.Equal("secret-leak", Assert.Single(verdict.Violations).Rule);
        Assert.True(verdict.HasProblems);
        Assert.Empty(verdict.QuickActions);
    }

    [Theory]
    [InlineData("closed")]
    [InlineData("exempt")]
    [InlineData("task")]
    public void Evaluate_LeakOnItemTheHygieneRulesSkip_StillReported(string why)
    {
        // "this guidance to reset credentials should apply regardless of the duration of time that the credentials were onscreen"
        var issue = TestData.CleanIssue() with { Description = "token " + new SecretSamples(4).GitLab("glpat-") };
        issue = why switch
        {
            "closed" => issue with { State = IssueState.Closed },
            "exempt" => issue with { Labels = ["hygiene::ignore"] },
            _ => issue with { IssueType = "task" },
        };

        var verdict = Evaluator.Evaluate(issue, TestData.Now);

        Assert.NotEqual(EvaluationStatus.Evaluated, verdict.Status);
        Assert.Equal("secret-leak", Assert.Single(verdict.Violations).Rule);
    }

    private static MilestoneRef Milestone(long id, string title) => new(id, title);
}
