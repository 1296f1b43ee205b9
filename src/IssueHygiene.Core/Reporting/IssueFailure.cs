namespace IssueHygiene.Core.Reporting;

/// <summary>An issue a run could not finish: GitLab refused or lost it (404, 403, 409, 5xx after retries); the run went on.</summary>
/// <param name="ProjectId">The issue's project.</param>
/// <param name="Iid">The issue.</param>
/// <param name="Error">GitLab's answer, as the client reported it (never a token).</param>
/// <param name="Gone">True when the issue was deleted or moved (404) since it was listed.</param>
public sealed record IssueFailure(long ProjectId, long Iid, string Error, bool Gone);
