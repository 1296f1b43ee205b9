namespace IssueHygiene.GitLab.Requests;

/// <summary>
/// A new project webhook for the events this service handles: <c>Url</c> is our <c>POST /webhooks/gitlab</c>,
/// <c>Token</c> the shared secret GitLab sends back as <c>X-Gitlab-Token</c>. <c>MergeRequestsEvents</c>: on when any
/// "Code review" rule is.
/// </summary>
public sealed record ProjectHookCreate(
    string Url,
    string? Token,
    bool IssuesEvents = true,
    bool ConfidentialIssuesEvents = true,
    bool NoteEvents = true,
    bool ConfidentialNoteEvents = true,
    bool EnableSslVerification = true,
    bool MergeRequestsEvents = false);
