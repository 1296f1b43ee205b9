namespace IssueHygiene.Core.Rules;

/// <summary>The handbook sections rules cite, so a reader can find the line a rule comes from.</summary>
public static class Handbook
{
    public const string Milestones = "Issue tracker best practices › Milestones";
    public const string Labels = "Issue tracker best practices › Labels";
    public const string TriageProcess = "Triage process";
    public const string SecretsLeakage = "Community › Preventing and responding to accidental secrets leakage";
}
