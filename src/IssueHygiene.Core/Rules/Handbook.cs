namespace IssueHygiene.Core.Rules;

/// <summary>The handbook sections rules cite, so a reader can find the line a rule comes from.</summary>
public static class Handbook
{
    public const string Milestones = "Issue tracker best practices › Milestones";
    public const string Labels = "Issue tracker best practices › Labels";
    public const string TriageProcess = "Triage process";
    public const string SecretsLeakage = "Community › Preventing and responding to accidental secrets leakage";

    /// <summary>The section anchor a heading gets on the published handbook (<c>### Milestones</c> → <c>#milestones</c>).</summary>
    public static string? AnchorOf(string section) => section switch
    {
        Milestones => "milestones",
        Labels => "labels",
        TriageProcess => "triage-process",
        // The secrets procedure is on the Community page, not under the handbook's URL: no link.
        _ => null,
    };
}
