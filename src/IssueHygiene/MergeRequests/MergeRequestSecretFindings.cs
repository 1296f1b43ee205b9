using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.MergeRequests;
using IssueHygiene.Core.Policy;
using IssueHygiene.Core.Rules;
using IssueHygiene.Core.Secrets;

namespace IssueHygiene.MergeRequests;

/// <summary>
/// A merge request's leaked credentials as findings for the reports, like an issue's <c>secret-leak</c> findings: the
/// kind and the place, never the value. Added to the verdict only after the MR's writes were planned, as reported
/// findings (never in the public sticky note); the response itself is the <see cref="SecretLeakPlanner"/>'s.
/// </summary>
public static class MergeRequestSecretFindings
{
    public static MergeRequestVerdict Reported(MergeRequestVerdict verdict, SecretLeakScan scan)
    {
        if (scan.Findings.Count == 0)
        {
            return verdict;
        }

        var findings = scan.Findings.Select(f => (f.Kind, f.Location)).Distinct().Select(f => new Violation
        {
            Rule = SecretLeakRule.Id,
            Severity = scan.Settings.Severity,
            Action = RuleAction.Report,
            MessageTemplate = Capitalized(f.Location.ToString()) + " contains " + f.Kind.Describe() + ": rotate it now.",
            Help = SecretLeakRule.Definition.Help,
        });
        // A leak is reported whatever the "Code review" rules made of the MR (within the grace period, exempt, closed):
        // like an issue's, it waits for nothing.
        return verdict.Status == EvaluationStatus.Evaluated
            ? verdict with { Violations = [.. verdict.Violations, .. findings] }
            : verdict with { Status = EvaluationStatus.Evaluated, Violations = [.. findings] };
    }

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
