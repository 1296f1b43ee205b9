namespace IssueHygiene.GitLab.Pagination;

/// <summary>One list call: where its first page is, how to name it, and how pages may be fetched.</summary>
/// <param name="FirstPage">The first page's absolute URL (all filters included).</param>
/// <param name="Endpoint">The endpoint template for statistics and errors.</param>
/// <param name="Resource">What is listed, for errors ("issues of project 'a/b'").</param>
/// <param name="Offset">Offset pagination (<c>page</c> parameter) rather than keyset.</param>
/// <param name="MaxConcurrency">Pages fetched at once when the page count is known.</param>
internal sealed record PageRequest(Uri FirstPage, string Endpoint, string Resource, bool Offset, int MaxConcurrency);
