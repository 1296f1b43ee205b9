using System.Globalization;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace IssueHygiene.GitLab.Pagination;

/// <summary>
/// What a page's headers say about the rest: the next page (from <c>X-Next-Page</c>, else
/// <c>Link rel="next"</c>) and, when GitLab counted (up to 10,000 results), the page count.
/// </summary>
internal sealed partial record PageLinks(Uri? Next, int? TotalPages, bool HasPaginationHeaders)
{
    // Any of these means GitLab paginated this answer, so an absent next page really is the end.
    private static readonly string[] PaginationHeaders = ["X-Page", "X-Per-Page", "X-Prev-Page", "X-Total", "X-Total-Pages"];

    /// <summary>Reads the headers of the page fetched from <paramref name="pageUri"/>.</summary>
    /// <exception cref="FormatException">A pagination header holds garbage, or a link leaves the API root.</exception>
    public static PageLinks FromHeaders(HttpResponseHeaders headers, Uri pageUri, Uri apiRoot)
    {
        var nextPage = First(headers, "X-Next-Page");
        var link = First(headers, "Link");
        var totalPages = First(headers, "X-Total-Pages");
        var hasHeaders = nextPage is not null || link is not null
            || PaginationHeaders.Any(name => headers.NonValidated.Contains(name));

        int? total = null;
        if (!string.IsNullOrWhiteSpace(totalPages))
        {
            total = int.TryParse(totalPages, NumberStyles.None, CultureInfo.InvariantCulture, out var t)
                ? t
                : throw new FormatException($"X-Total-Pages is not a number: '{Excerpt(totalPages)}'.");
        }

        Uri? next = null;
        if (nextPage is not null)
        {
            if (nextPage.Length > 0)
            {
                next = int.TryParse(nextPage, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 0
                    ? WithPage(pageUri, page)
                    : throw new FormatException($"X-Next-Page is not a page number: '{Excerpt(nextPage)}'.");
            }
        }
        else if (link is not null && NextLink(link) is { } nextLink)
        {
            next = Uri.TryCreate(nextLink, UriKind.Absolute, out var absolute)
                ? absolute
                : throw new FormatException($"Link rel=\"next\" is not an absolute URL: '{Excerpt(nextLink)}'.");
            // The GitLab host comes from configuration only: never follow a link elsewhere with our token.
            if (!apiRoot.IsBaseOf(next))
            {
                throw new FormatException($"Link rel=\"next\" points outside {apiRoot.GetLeftPart(UriPartial.Authority)}: refusing to follow it.");
            }
        }

        return new PageLinks(next, total, hasHeaders);
    }

    /// <summary>The same URL asking for page <paramref name="page"/>.</summary>
    public static Uri WithPage(Uri uri, int page)
    {
        var builder = new UriBuilder(uri);
        var parts = builder.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.StartsWith("page=", StringComparison.Ordinal))
            .Append("page=" + page.ToString(CultureInfo.InvariantCulture));
        builder.Query = string.Join('&', parts);
        return builder.Uri;
    }

    /// <summary>The page number a URL asks for (1 when it names none).</summary>
    public static int PageOf(Uri uri)
    {
        foreach (var part in uri.Query.TrimStart('?').Split('&'))
        {
            if (part.StartsWith("page=", StringComparison.Ordinal)
                && int.TryParse(part.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var page))
            {
                return page;
            }
        }

        return 1;
    }

    private static string? NextLink(string header)
    {
        foreach (Match match in LinkPart().Matches(header))
        {
            var rels = match.Groups["rel"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (rels.Contains("next", StringComparer.OrdinalIgnoreCase))
            {
                return match.Groups["url"].Value;
            }
        }

        return null;
    }

    private static string? First(HttpResponseHeaders headers, string name) =>
        headers.NonValidated.TryGetValues(name, out var values) ? string.Join(", ", values).Trim() : null;

    private static string Excerpt(string value) => value.Length <= 80 ? value : value[..80] + "…";

    [GeneratedRegex("""<(?<url>[^>]*)>\s*(?:;\s*[^;,]*?)*?;\s*rel\s*=\s*"?(?<rel>[^";,]+)"?""", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LinkPart();
}
