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
        switch (verdict.Status)
        {
            case EvaluationStatus.SkippedClosed:
                return $"{name}: closed, not checked";
            case EvaluationStatus.SkippedExempt:
                return $"{name}: exempt (carries the exemption label), not checked";
            case EvaluationStatus.SkippedGracePeriod:
                return $"{name}: in its grace period until {verdict.GraceEndsAt!.Value.ToString("u", CultureInfo.InvariantCulture)}, not checked yet";
        }

        if (verdict.IsClean)
        {
            return $"{name}: clean";
        }

        int Count(Severity s) => verdict.Violations.Count(v => v.Severity == s);
        text.Append(CultureInfo.InvariantCulture, $"{name}: {Count(Severity.Error)} error(s), {Count(Severity.Warning)} warning(s), {Count(Severity.Info)} info\n");
        foreach (var violation in verdict.Violations)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {violation.Severity.ToString().ToLowerInvariant(),-8}{violation.Rule,-25}{violation.Message}\n");
            if (violation.FixUnavailableText(static a => "\"" + a + "\"") is { } why)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {string.Empty,-33}not fixed automatically: {why}\n");
            }
        }

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
}
