namespace IssueHygiene.GitLabSimulator.Tests;

/// <summary>One request the receiver got: headers (case-insensitive) and raw body.</summary>
internal sealed record ReceivedWebhook(IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string Event => Headers["X-Gitlab-Event"];
}
