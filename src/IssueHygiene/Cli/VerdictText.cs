using System.Globalization;
using System.Text;
using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Policy;

namespace IssueHygiene.Cli;

/// <summary>A verdict for a terminal: a headline, one line per finding with its fix, then the quick actions.</summary>
public static class VerdictText
{
    public static string Render(Verdict verdict)
    {
        var issue = verdict.Issue;
        var name = issue.ProjectPath is { } path ? $"{path}#{issue.Iid}" : $"project {issue.ProjectId} #{issue.Iid}";
        var text = new StringBuilder();
        var skipped = verdict.Status switch
        {
            EvaluationStatus.SkippedClosed => $"{name}: closed, hygiene rules not checked",
            EvaluationStatus.SkippedExempt => $"{name}: exempt (carries the exemption label), hygiene rules not checked",
            EvaluationStatus.SkippedGracePeriod => $"{name}: in its grace period until {verdict.GraceEndsAt!.Value.ToString("u", CultureInfo.InvariantCulture)}, hygiene rules not checked yet",
            EvaluationStatus.SkippedWorkItemType => $"{name}: skipped: {Core.Reporting.HygieneReport.SkipReason(verdict)} (a work item type the rules file does not govern)",
            _ => null,
        };
        if (skipped is not null)
        {
            // Secret-leak is not hygiene: it is checked whatever the item's state, age, type or labels.
            text.Append(skipped).Append(verdict.IsClean ? "; no leaked credential found" : string.Empty).Append('\n');
            AppendFindings(text, verdict);
            return text.ToString().TrimEnd();
        }

        if (verdict.IsClean)
        {
            return $"{name}: clean";
        }

        int Count(Severity s) => verdict.Violations.Count(v => v.Severity == s);
        text.Append(CultureInfo.InvariantCulture, $"{name}: {Count(Severity.Error)} error(s), {Count(Severity.Warning)} warning(s), {Count(Severity.Info)} info\n");
        AppendFindings(text, verdict);

        if (verdict.QuickActions.Count > 0)
        {
            text.Append("quick actions:\n");
            foreach (var action in verdict.QuickActions)
            {
                text.Append("  ").Append(action.Render()).Append('\n');
            }
        }

        return text.ToString().TrimEnd();
    }

    private static void AppendFindings(StringBuilder text, Verdict verdict)
    {
        foreach (var violation in verdict.Violations)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {violation.Severity.ToString().ToLowerInvariant(),-8}{violation.Rule,-25}{violation.Message}\n");
            if (violation.FixUnavailableText(static a => "\"" + a + "\"") is { } why)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {string.Empty,-33}not fixed automatically: {why}\n");
            }

            if (violation.Suggested.Count > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {string.Empty,-33}to fix it, comment: {string.Join("  ", violation.Suggested.Select(a => a.Render()))}\n");
            }

            if (violation.Choices.Count > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {string.Empty,-33}to fix it, comment the one line for the label to keep:\n");
                foreach (var choice in violation.Choices)
                {
                    text.Append(CultureInfo.InvariantCulture, $"  {string.Empty,-35}{choice.Action.Render()}   (keeps \"{choice.Keeps}\")\n");
                }
            }
        }
    }
}
