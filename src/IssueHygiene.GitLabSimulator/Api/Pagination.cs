using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;

namespace IssueHygiene.GitLabSimulator.Api;

/// <summary>GitLab's offset pagination: <c>page</c>/<c>per_page</c> (≤ 100) and its headers.</summary>
internal static class Pagination
{
    public const int MaxPerPage = 100;

    /// <summary>Above this many results GitLab stops counting: no X-Total / X-Total-Pages, no "last" link.</summary>
    public const int CountLimit = 10_000;

    /// <summary>
    /// Grape's checks of GitLab's <c>:pagination</c> params (lib/api/concerns/pagination_params.rb):
    /// <c>page</c> and <c>per_page</c> must be integers ("page is invalid"), and <c>per_page</c> is
    /// declared <c>except_values: [0]</c> ("per_page has a value not allowed"). Anything else is
    /// accepted: Kaminari reads a page below 1 as 1, a negative per_page as the default 20, and caps
    /// per_page at its max_per_page of 100. Null when the parameters pass.
    /// </summary>
    public static ApiResult? Check(RequestParameters parameters)
    {
        foreach (var name in (string[])["page", "per_page"])
        {
            if (parameters.Get(name) is { } text && !long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            {
                return ApiResult.ParameterError(name + " is invalid");
            }
        }

        return parameters.Long("per_page") == 0 ? ApiResult.ParameterError("per_page has a value not allowed") : null;
    }

    public static (int Page, int PerPage) Read(RequestParameters parameters)
    {
        var page = parameters.Long("page") is { } p && p > 0 ? (int)Math.Min(p, int.MaxValue) : 1;
        var perPage = parameters.Long("per_page") is { } pp && pp > 0 ? (int)Math.Min(pp, MaxPerPage) : 20;
        return (page, perPage);
    }

    public static List<T> Slice<T>(HttpContext context, IReadOnlyList<T> all, int page, int perPage)
    {
        WriteOffsetHeaders(context, page, perPage, all.Count);
        return [.. all.Skip((page - 1) * perPage).Take(perPage)];
    }

    public static void WriteOffsetHeaders(HttpContext context, int page, int perPage, int total)
    {
        var headers = context.Response.Headers;
        var totalPages = Math.Max(1, (int)Math.Ceiling(total / (double)perPage));
        var hasNext = (long)page * perPage < total;
        var counted = total <= CountLimit;
        headers["X-Page"] = page.ToString(CultureInfo.InvariantCulture);
        headers["X-Per-Page"] = perPage.ToString(CultureInfo.InvariantCulture);
        headers["X-Next-Page"] = hasNext ? (page + 1).ToString(CultureInfo.InvariantCulture) : "";
        headers["X-Prev-Page"] = page > 1 ? (page - 1).ToString(CultureInfo.InvariantCulture) : "";
        if (counted)
        {
            headers["X-Total"] = total.ToString(CultureInfo.InvariantCulture);
            headers["X-Total-Pages"] = totalPages.ToString(CultureInfo.InvariantCulture);
        }

        var links = new List<string>();
        if (page > 1)
        {
            links.Add($"<{PageUrl(context, page - 1, perPage)}>; rel=\"prev\"");
        }

        if (hasNext)
        {
            links.Add($"<{PageUrl(context, page + 1, perPage)}>; rel=\"next\"");
        }

        links.Add($"<{PageUrl(context, 1, perPage)}>; rel=\"first\"");
        if (counted)
        {
            links.Add($"<{PageUrl(context, totalPages, perPage)}>; rel=\"last\"");
        }

        headers.Link = string.Join(", ", links);
    }

    public static void WriteKeysetLink(HttpContext context, int perPage, string? nextCursor)
    {
        context.Response.Headers["X-Per-Page"] = perPage.ToString(CultureInfo.InvariantCulture);
        if (nextCursor is not null)
        {
            context.Response.Headers.Link = $"<{WithQuery(context, new() { ["cursor"] = nextCursor, ["per_page"] = perPage.ToString(CultureInfo.InvariantCulture) })}>; rel=\"next\"";
        }
    }

    private static string PageUrl(HttpContext context, int page, int perPage) =>
        WithQuery(context, new()
        {
            ["page"] = page.ToString(CultureInfo.InvariantCulture),
            ["per_page"] = perPage.ToString(CultureInfo.InvariantCulture),
        });

    private static string WithQuery(HttpContext context, Dictionary<string, string> overrides)
    {
        var request = context.Request;
        var query = QueryHelpers.ParseQuery(request.QueryString.Value);
        var builder = new QueryBuilder();
        foreach (var (key, values) in query)
        {
            if (!overrides.ContainsKey(key))
            {
                foreach (var value in values)
                {
                    builder.Add(key, value ?? "");
                }
            }
        }

        foreach (var (key, value) in overrides)
        {
            builder.Add(key, value);
        }

        return $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{builder.ToQueryString()}";
    }
}
