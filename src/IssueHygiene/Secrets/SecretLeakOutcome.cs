using IssueHygiene.Core.Issues;
using IssueHygiene.Core.Reporting;
using IssueHygiene.Core.Secrets;

namespace IssueHygiene.Secrets;

/// <summary>
/// The response to one issue: its findings (kind, place, masked form, fingerprint — never a value), the writes made
/// or planned (for reports and the run summary), and what happened.
/// </summary>
public sealed record SecretLeakOutcome(
    IssueSnapshot Issue,
    IReadOnlyList<FingerprintedFinding> Findings,
    IReadOnlyList<PlannedWrite> Writes,
    SecretLeakStatus Status,
    string? Error = null)
{
    /// <summary>Without the issue's text (the snapshot holds the leaked value): ids, status, kinds and places.</summary>
    public override string ToString() =>
        $"project {Issue.ProjectId} issue {Issue.Iid}: {Status}, {Findings.Count} finding(s) [{string.Join("; ", Findings.Select(f => f.Describe()))}], {Writes.Count} write(s)";
}
