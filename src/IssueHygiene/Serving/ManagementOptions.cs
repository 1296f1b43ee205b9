namespace IssueHygiene.Serving;

/// <summary>
/// Where the operations endpoints (<c>/metrics</c>, <c>/status</c>) answer (section <c>Management</c>). They show queue
/// depths, dead-letter ids and errors, so a deployment reachable by GitLab (and so by anyone on its network) should
/// put them on a separate port its network policy keeps internal, require a token, or both.
/// </summary>
public sealed class ManagementOptions
{
    public const string SectionName = "Management";

    /// <summary>Extra URLs (fixed ports) that alone serve <c>/metrics</c> and <c>/status</c>, e.g. <c>http://0.0.0.0:9090</c>.</summary>
    public string? Urls { get; set; }

    /// <summary>When set, <c>/metrics</c> and <c>/status</c> need <c>Authorization: Bearer TOKEN</c>.</summary>
    public string? Token { get; set; }

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        foreach (var url in UrlList())
        {
            if (!Uri.TryCreate(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri) || uri.Port <= 0)
            {
                problems.Add($"Management:Urls '{url}' needs a fixed port (e.g. http://0.0.0.0:9090)");
            }
        }

        if (Token is { Length: > 0 and < 16 })
        {
            problems.Add("Management:Token is shorter than 16 characters");
        }

        return problems;
    }

    public IReadOnlyList<string> UrlList() =>
        [.. (Urls ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>The management ports (the URLs are validated first).</summary>
    public IReadOnlySet<int> Ports() =>
        UrlList().Select(u => new Uri(u.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal)).Port).ToHashSet();
}
