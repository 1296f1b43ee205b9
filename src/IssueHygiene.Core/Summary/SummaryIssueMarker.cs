namespace IssueHygiene.Core.Summary;

/// <summary>
/// The hidden line that marks a description as a scope's summary issue (an HTML comment GitLab does not show), so the
/// issue is found again even when the local store has forgotten it, and never confused with a human's issue.
/// </summary>
public static class SummaryIssueMarker
{
    private const string Prefix = "<!-- issue-hygiene:summary scope=";

    public static string For(string scope) => Prefix + Safe(scope) + " -->";

    public static bool IsFor(string? description, string scope) =>
        description is not null && description.Contains(For(scope), StringComparison.Ordinal);

    // A scope path cannot hold "--" or ">" in GitLab, but the marker must not end early whatever it is given.
    private static string Safe(string scope) => scope.Replace("--", "-", StringComparison.Ordinal).Replace(">", string.Empty, StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
