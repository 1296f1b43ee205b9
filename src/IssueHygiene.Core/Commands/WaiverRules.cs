using System.Globalization;
using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Rules;

namespace IssueHygiene.Core.Commands;

/// <summary>
/// Who may waive what: a rule that exists and applies to the item (issue or merge request), an end date not in the past, and an author with
/// Developer access or more. The access level is looked up by the caller (only when the first checks pass, so a
/// waiver that would be refused anyway costs no API call).
/// </summary>
public static class WaiverRules
{
    /// <summary>
    /// The refusal for a waiver that is wrong in itself, or null when it only needs the author's access. On a merge
    /// request (<c>onMergeRequest</c>) only its "Code review" rules can be waived; on an issue only issue rules.
    /// </summary>
    public static NoteReply? CheckRequest(CommentCommand.Waive waive, string author, DateOnly today, bool onMergeRequest = false)
    {
        if (RuleCatalog.Find(waive.RuleId) is not { } rule || (onMergeRequest ? !rule.IsMergeRequestLevel : !rule.IsIssueLevel))
        {
            return new NoteReply("Waiver by {0} not recorded: there is no rule {1}.", [author, waive.RuleId]);
        }

        if (waive.Until is { } until && until < today)
        {
            return new NoteReply("Waiver by {0} not recorded: {1} is in the past.", [author, until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]);
        }

        return null;
    }

    /// <summary>The refusal when the author lacks Developer access, or null when the waiver is recorded.</summary>
    public static NoteReply? CheckAccess(CommentCommand.Waive waive, string author, bool developerOrMore) =>
        developerOrMore ? null : new NoteReply("Waiver of {0} by {1} refused: waiving a rule needs Developer access or more.", [waive.RuleId, author]);
}
