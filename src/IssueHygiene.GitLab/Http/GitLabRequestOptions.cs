namespace IssueHygiene.GitLab.Http;

/// <summary>What the client tells the handlers below it about a request.</summary>
internal static class GitLabRequestOptions
{
    /// <summary>The endpoint template (<c>GET /projects/:id/issues</c>) counted in statistics.</summary>
    public static readonly HttpRequestOptionsKey<string> Endpoint = new("IssueHygiene.GitLab.Endpoint");

    /// <summary>Set on note creations, which spend the separate notes-per-minute budget.</summary>
    public static readonly HttpRequestOptionsKey<bool> NoteCreation = new("IssueHygiene.GitLab.NoteCreation");
}
