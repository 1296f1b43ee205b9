using System.Globalization;
using IssueHygiene.GitLab.Dtos;

namespace IssueHygiene.Doctor;

/// <summary>
/// What a webhook for IssueHygiene must look like: our URL, the four issue and comment events, enabled — and, when any
/// "Code review" rule is on (<paramref name="MergeRequests"/>), merge request events too (MR comments are comments).
/// </summary>
public sealed record WebhookExpectation(bool MergeRequests)
{
    /// <summary>The events to tick, as GitLab's Settings → Webhooks page names them.</summary>
    public string Events => MergeRequests
        ? "Issues events, Confidential issues events, Comments, Confidential comments and Merge request events"
        : "Issues events, Confidential issues events, Comments and Confidential comments";

    /// <summary>Same URL, ignoring a trailing slash and the case of scheme and host (GitLab keeps what was typed).</summary>
    public static bool IsOurs(GitLabHook hook, string publicUrl)
    {
        if (!Uri.TryCreate(hook.Url, UriKind.Absolute, out var actual) || !Uri.TryCreate(publicUrl, UriKind.Absolute, out var expected))
        {
            return string.Equals(hook.Url.TrimEnd('/'), publicUrl.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
        }

        return Uri.Compare(actual, expected, UriComponents.SchemeAndServer, UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) == 0
            && string.Equals(actual.PathAndQuery.TrimEnd('/'), expected.PathAndQuery.TrimEnd('/'), StringComparison.Ordinal);
    }

    /// <summary>Why the hook will not deliver what IssueHygiene needs; empty when it will.</summary>
    public IReadOnlyList<string> ProblemsOf(GitLabHook hook)
    {
        var missing = new List<string>(5);
        if (!hook.IssuesEvents)
        {
            missing.Add("Issues events");
        }

        if (!hook.ConfidentialIssuesEvents)
        {
            missing.Add("Confidential issues events");
        }

        if (!hook.NoteEvents)
        {
            missing.Add("Comments");
        }

        if (!hook.ConfidentialNoteEvents)
        {
            missing.Add("Confidential comments");
        }

        if (MergeRequests && !hook.MergeRequestsEvents)
        {
            missing.Add("Merge request events");
        }

        var problems = new List<string>(2);
        if (missing.Count > 0)
        {
            problems.Add($"hook {hook.Id} does not send {string.Join(", ", missing)}");
        }

        // GitLab switches off hooks whose deliveries keep failing (4 in a row: temporarily; then for good).
        if (hook.AlertStatus is { } status && !string.Equals(status, "executable", StringComparison.Ordinal))
        {
            var until = hook.DisabledUntil is { } when ? " until " + when.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : string.Empty;
            problems.Add($"GitLab has {status.Replace('_', ' ')} hook {hook.Id}{until} after failed deliveries");
        }

        return problems;
    }
}
