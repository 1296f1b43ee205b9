using FluentValidation;
using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Policy;
using IssueHygiene.Core.Secrets;
using Severity = IssueHygiene.Core.Policy.Severity;

namespace IssueHygiene.Core.Rules;

/// <summary>
/// <c>secret-leak</c>: a credential in the issue's title or description. The finding goes into verdicts and reports,
/// never into the public sticky lint note (that would point everyone at the leak): the response — confidential, an
/// internal note, optional redaction — is <c>SecretLeakPlanner</c>'s (executed by the Actuator), which also scans comments and does not wait
/// for the grace period. Messages name the kind and the place, never the value.
/// </summary>
public sealed class SecretLeakRule(RuleSettings settings) : HygieneRule(Definition, AsReported(settings))
{
    public const string Id = "secret-leak";

    public static RuleDescriptor Definition { get; } = new()
    {
        Id = Id,
        DefaultSeverity = Severity.Error,
        DefaultAction = RuleAction.Fix,
        AllowedActions = [RuleAction.Fix, RuleAction.Comment, RuleAction.Report, RuleAction.Off],
        Parameters =
        [
            new("redact", "With action fix, also replace the value in the description or comment with [REDACTED] (default false).", ["true", "false"]),
        ],
        Summary = "No credential (token, key, password) in an issue's title, description or comments.",
        Help = "Rotate (revoke and replace) the credential now, however briefly it was visible: anyone watching may "
            + "already have it, and GitLab keeps earlier versions of a description.",
        HandbookSection = Handbook.SecretsLeakage,
        HandbookQuotes =
        [
            "Towards this end, the following actions should be taken as soon as anyone on the team realizes there were credentials/secrets exposed",
            "this guidance to reset credentials should apply regardless of the duration of time that the credentials were onscreen.",
        ],
    };

    /// <summary>Whether the rules file asks for redaction (<c>redact: true</c>).</summary>
    public static bool Redacts(RuleSettings settings) =>
        settings.Action == RuleAction.Fix && string.Equals(settings.Parameter("redact"), "true", StringComparison.Ordinal);

    protected override void Check(IssueFacts facts, ValidationContext<IssueFacts> context)
    {
        var findings = SecretScanner.ScanIssue(facts.Issue);
        if (findings.Count == 0)
        {
            return;
        }

        foreach (var (kind, location) in findings.Select(f => (f.Kind, f.Location)).Distinct())
        {
            var place = location.ToString();
            Report(context, char.ToUpperInvariant(place[0]) + place[1..] + " contains " + kind.Describe() + ": rotate it now.");
        }
    }

    /// <summary>The verdict reports the finding; fix and comment are the responder's, outside the lint note.</summary>
    private static RuleSettings AsReported(RuleSettings settings) =>
        settings.Action is RuleAction.Fix or RuleAction.Comment ? settings with { Action = RuleAction.Report } : settings;
}
