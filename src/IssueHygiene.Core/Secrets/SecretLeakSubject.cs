using IssueHygiene.Core.Issues;
using IssueHygiene.Core.MergeRequests;

namespace IssueHygiene.Core.Secrets;

/// <summary>
/// What a leak is found in and answered on: an issue or a merge request. GitLab can make an issue confidential; a merge
/// request has no such flag (anyone who can see the project sees its MRs), so on an MR the response is the internal
/// note and the redaction only.
/// </summary>
/// <param name="ProjectId">The project.</param>
/// <param name="Iid">The item's number in the project.</param>
/// <param name="Noun">"issue" or "merge request", as the note names it.</param>
/// <param name="Title">Scanned, and redacted when asked.</param>
/// <param name="Description">Scanned, and redacted when asked.</param>
/// <param name="Author">Who wrote the title and description (mentioned in the note).</param>
/// <param name="Confidential">Already confidential (an issue).</param>
/// <param name="CanBeConfidential">False for a merge request: GitLab has no confidential merge requests.</param>
/// <param name="WebUrl">The item's URL, to link comments.</param>
public sealed record SecretLeakSubject(
    long ProjectId,
    long Iid,
    string Noun,
    string Title,
    string? Description,
    UserRef? Author,
    bool Confidential,
    bool CanBeConfidential,
    string? WebUrl)
{
    public static SecretLeakSubject Of(IssueSnapshot issue) =>
        new(issue.ProjectId, issue.Iid, "issue", issue.Title, issue.Description, issue.Author, issue.Confidential, CanBeConfidential: true, issue.WebUrl);

    public static SecretLeakSubject Of(MergeRequestSnapshot mergeRequest) =>
        new(mergeRequest.ProjectId, mergeRequest.Iid, "merge request", mergeRequest.Title, mergeRequest.Description, mergeRequest.Author,
            Confidential: false, CanBeConfidential: false, mergeRequest.WebUrl);

    /// <summary>Keeps the title and description out of logs and reports if a record is ever printed.</summary>
    public override string ToString() => $"project {ProjectId} {Noun} {Iid}";
}
