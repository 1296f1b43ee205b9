namespace IssueHygiene.GitLabSimulator;

/// <summary>
/// One served request. <see cref="Path"/> has no query string (it is in <see cref="Query"/>);
/// <see cref="Status"/> is 0 when the simulator dropped the connection or the client gave up first.
/// </summary>
public sealed record RequestLogEntry(string Method, string Path, int Status, string Query);
