namespace IssueHygiene.GitLab;

/// <summary>
/// Everything the service asks of GitLab, as the sum of narrow roles: a class takes only the roles it uses
/// (<see cref="IGitLabIssueReader"/>, <see cref="IGitLabNoteWriter"/>, <see cref="IGitLabIssueWriter"/>,
/// <see cref="IGitLabTaxonomy"/>, <see cref="IGitLabDirectory"/>, <see cref="IGitLabHooks"/>,
/// <see cref="IGitLabEventEcho"/>), so a tiny fake stands in for it in a unit test. Failures are typed
/// (<see cref="Errors.GitLabNotFoundException"/>, <see cref="Errors.GitLabAuthException"/>,
/// <see cref="Errors.GitLabApiException"/>, <see cref="Errors.GitLabInvalidResponseException"/>,
/// <see cref="Errors.GitLabTransportException"/>); a list whose page fails throws — it never ends early.
/// </summary>
public interface IGitLabClient : IGitLabIssueReader, IGitLabIssueWriter, IGitLabNoteWriter, IGitLabTaxonomy, IGitLabDirectory, IGitLabHooks, IGitLabEventEcho;
