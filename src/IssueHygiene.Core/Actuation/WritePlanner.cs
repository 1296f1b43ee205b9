using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Rendering;
using IssueHygiene.Core.Reporting;

namespace IssueHygiene.Core.Actuation;

/// <summary>
/// The Actuator's decide step (docs/architecture.md §4), pure: from a verdict and the marker notes already on the issue, the
/// writes that keep exactly one sticky note current and apply the fixes — at most one write in the common case,
/// never more than two, and none when nothing changed. Fixes converge: after they are applied the next verdict plans
/// nothing, so the bot's own webhook echo writes nothing.
/// </summary>
public sealed class WritePlanner(Evaluator evaluator, FixMode fixMode)
{
    private readonly LintNoteRenderer _renderer = new(evaluator.Rules);

    public FixMode FixMode => fixMode;

    public Core.Policy.RuleSet Rules => evaluator.Rules;

    public WritePlan Plan(Verdict verdict, IReadOnlyList<ExistingNote> existingNotes, DateTimeOffset now, TrackerCatalog? catalog = null)
    {
        // Closed, exempt and brand-new issues are left exactly as they are.
        if (verdict.Status != EvaluationStatus.Evaluated)
        {
            return WritePlan.Nothing;
        }

        verdict = MarkerLabel.WithMarker(verdict, evaluator.Rules.Summary.MarkerLabel, v => evaluator.EvaluateAfterFixes(v, now, catalog));
        var noteFindings = verdict.Violations.Where(v => v.InLintNote).ToList();
        var rulesServed = noteFindings.Select(v => v.Rule).Distinct().ToList();
        var fixRules = verdict.Violations.Where(v => v.Fixes.Count > 0).Select(v => v.Rule).Distinct().ToList();

        // What the note stands for once the fixes are applied: the findings of the fixed issue.
        var afterFixes = verdict.QuickActions.Count == 0 ? verdict : evaluator.EvaluateAfterFixes(verdict, now, catalog);
        // Answers (explain, replies) are shown once and left in place: they are not part of what the note stands for.
        var target = _renderer.Render(afterFixes with { QuickActions = [], Explanation = null, Replies = [] });
        // What the note shows when written together with fixes: what they fix, and what remains after them.
        var shownVerdict = verdict.QuickActions.Count == 0
            ? verdict
            : verdict with { Violations = [.. verdict.Violations.Where(v => v.Fixes.Count > 0), .. afterFixes.Violations.Where(v => v.Fixes.Count == 0)] };
        var writes = new List<PlannedWrite>();

        var notes = existingNotes.OrderBy(n => n.Id).ToList();
        if (notes.Count == 0)
        {
            if (noteFindings.Count == 0 && !verdict.HasAnswer)
            {
                // Nothing to say; only the marker label can still need taking off.
                return verdict.QuickActions.Count == 0
                    ? WritePlan.Nothing
                    : new WritePlan([new PlannedWrite { Kind = WriteKind.QuickActions, QuickActions = [.. verdict.QuickActions.Select(a => a.Render())] }], null, null);
            }

            var shown = _renderer.Render(shownVerdict);
            var body = LintNote.WithState(shown.Body, target.Hash);
            if (fixMode == FixMode.Api && ToIssueChange(verdict.QuickActions, catalog) is { } change)
            {
                writes.Add(new PlannedWrite { Kind = WriteKind.NoteCreate, Body = body, IsLintNote = true, Rules = rulesServed });
                writes.Add(new PlannedWrite { Kind = WriteKind.RestUpdate, Change = change, Rules = fixRules });
            }
            else
            {
                // The fix rides in the note-creating POST: text + commands, one write.
                writes.Add(new PlannedWrite { Kind = WriteKind.NoteCreate, Body = body, QuickActions = shown.Commands, IsLintNote = true, Rules = rulesServed });
            }

            return new WritePlan(writes, target.Hash, null);
        }

        // Duplicates (a crash between POST and index, two replicas racing): keep the oldest, remove the rest.
        var keep = notes[0];
        foreach (var duplicate in notes.Skip(1))
        {
            writes.Add(new PlannedWrite { Kind = WriteKind.NoteDelete, NoteId = duplicate.Id });
        }

        if (keep.StateHash != target.Hash || verdict.HasAnswer)
        {
            var shown = verdict.QuickActions.Count > 0 || verdict.HasAnswer ? _renderer.Render(shownVerdict) : target;
            writes.Add(new PlannedWrite
            {
                Kind = WriteKind.NoteEdit,
                NoteId = keep.Id,
                Body = LintNote.WithState(shown.Body, target.Hash),
                IsLintNote = true,
                Rules = rulesServed,
            });
        }

        if (verdict.QuickActions.Count > 0)
        {
            // An edited note does not run quick actions, so fixes go separately.
            writes.Add(fixMode == FixMode.Api && ToIssueChange(verdict.QuickActions, catalog) is { } change
                ? new PlannedWrite { Kind = WriteKind.RestUpdate, Change = change, Rules = fixRules }
                : new PlannedWrite { Kind = WriteKind.QuickActions, QuickActions = [.. verdict.QuickActions.Select(a => a.Render())], Rules = fixRules });
        }

        return new WritePlan(writes, target.Hash, keep.Id);
    }

    /// <summary>
    /// The REST equivalent of quick actions, or null when one cannot be expressed (a milestone whose id is unknown):
    /// then the fix falls back to quick actions.
    /// </summary>
    private static IssueChange? ToIssueChange(IReadOnlyList<QuickAction> actions, TrackerCatalog? catalog)
    {
        if (actions.Count == 0)
        {
            return null;
        }

        var add = new List<string>();
        var remove = new List<string>();
        long? milestoneId = null;
        foreach (var action in actions)
        {
            switch (action)
            {
                case AddLabelAction a: add.Add(a.Label); break;
                case RemoveLabelAction r: remove.Add(r.Label); break;
                case SetMilestoneAction m when catalog?.Milestones.Find(m.Title) is { Id: > 0 } milestone:
                    milestoneId = milestone.Id;
                    break;
                default: return null;
            }
        }

        // GitLab's add_labels silently creates unknown labels, so only names that exist (checked by the rules) go here.
        return new IssueChange { AddLabels = add, RemoveLabels = remove, MilestoneId = milestoneId };
    }
}
