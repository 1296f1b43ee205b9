using IssueHygiene.Core.Actuation;
using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Rendering;
using IssueHygiene.Core.Reporting;

namespace IssueHygiene.Core.MergeRequests;

/// <summary>
/// The decide step for a merge request, pure, with the issue planner's contract: one sticky note, created when there is
/// something to say, edited in place when what it stands for changed (resolved when clean), duplicates removed, and
/// nothing written when nothing changed. A label fix (self-merged, action fix) rides in the creating note, or goes as a
/// quick-action note when the note already exists (an edit does not run quick actions).
/// </summary>
public sealed class MergeRequestNotePlanner(Policy.RuleSet rules)
{
    private readonly MergeRequestNoteRenderer _renderer = new(rules);

    public WritePlan Plan(MergeRequestVerdict verdict, IReadOnlyList<ExistingNote> existingNotes)
    {
        if (verdict.Status != EvaluationStatus.Evaluated)
        {
            return WritePlan.Nothing;
        }

        var noteFindings = verdict.Violations.Where(v => v.InLintNote).ToList();
        var rulesServed = noteFindings.Select(v => v.Rule).Distinct().ToList();
        var fixRules = verdict.Violations.Where(v => v.Fixes.Count > 0).Select(v => v.Rule).Distinct().ToList();
        // The note stands for its findings without the one-off commands: once the label is on, the note does not change.
        // Answers (explain, replies to commands) are shown once and left in place: not part of what the note stands for.
        var target = _renderer.Render(verdict with { QuickActions = [], Explanation = null, Replies = [] });
        var hash = LintNote.Hash(target.Body);
        var shown = verdict.HasAnswer ? _renderer.Render(verdict with { QuickActions = [] }) : target;
        var pending = verdict.QuickActions.Where(a => a is not AddLabelAction add || !verdict.MergeRequest.Labels.Contains(add.Label)).ToList();
        var notes = existingNotes.OrderBy(n => n.Id).ToList();
        var writes = new List<PlannedWrite>();
        if (notes.Count == 0)
        {
            if (noteFindings.Count == 0 && !verdict.HasAnswer)
            {
                return WritePlan.Nothing;
            }

            writes.Add(new PlannedWrite
            {
                Kind = WriteKind.NoteCreate,
                Body = LintNote.WithState(shown.Body, hash),
                QuickActions = [.. pending.Select(a => a.Render())],
                Rules = rulesServed,
            });
            return new WritePlan(writes, hash, null);
        }

        var keep = notes[0];
        writes.AddRange(notes.Skip(1).Select(duplicate => new PlannedWrite { Kind = WriteKind.NoteDelete, NoteId = duplicate.Id }));
        if (keep.StateHash != hash || verdict.HasAnswer)
        {
            writes.Add(new PlannedWrite { Kind = WriteKind.NoteEdit, NoteId = keep.Id, Body = LintNote.WithState(shown.Body, hash), Rules = rulesServed });
        }

        if (pending.Count > 0)
        {
            writes.Add(new PlannedWrite { Kind = WriteKind.QuickActions, QuickActions = [.. pending.Select(a => a.Render())], Rules = fixRules });
        }

        return new WritePlan(writes, hash, keep.Id);
    }
}
