namespace IssueHygiene.GitLab;

/// <summary>
/// Settings of the GitLab client, bound from the configuration section <c>GitLab</c>.
/// Defaults fit GitLab.com (2,000 requests and 60 note creations per minute per user).
/// </summary>
public sealed record GitLabOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "GitLab";

    /// <summary>The instance URL, e.g. <c>https://gitlab.com</c> (an <c>/api/v4</c> suffix is accepted).</summary>
    public string BaseUrl { get; set; } = string.Empty;

    /// <summary>A personal, project or group access token sent as <c>PRIVATE-TOKEN</c>.</summary>
    public string? Token { get; set; }

    /// <summary>A file holding the token (a mounted secret); used when set, instead of <see cref="Token"/>.</summary>
    public string? TokenFile { get; set; }

    public int RequestsPerMinute { get; set; } = 2000;

    public int NotesPerMinute { get; set; } = 60;

    /// <summary>
    /// How many replicas share <see cref="RequestsPerMinute"/> and <see cref="NotesPerMinute"/> (the fleet's budget):
    /// each paces itself to its even share, so the fleet as a whole stays within GitLab's per-user limits.
    /// </summary>
    public int ReplicaCount { get; set; } = 1;

    /// <summary>Page size for list calls; GitLab serves at most 100.</summary>
    public int PerPage { get; set; } = 100;

    /// <summary>The longest a 429 may make us wait, whatever <c>Retry-After</c> says.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The wait after a 429 that names no usable <c>Retry-After</c> or <c>RateLimit-Reset</c>.</summary>
    public TimeSpan DefaultRateLimitWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Per-attempt timeout, body included; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> disables it.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of an idempotent call after a 5xx, a timeout or a network failure.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First backoff delay of the jittered exponential backoff.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Retries after a 429 (any method: a 429 means the request was not processed).</summary>
    public int MaxRateLimitRetries { get; set; } = 5;

    /// <summary>Pages fetched at once when the page count is known (1 = sequential).</summary>
    public int MaxPageConcurrency { get; set; } = 1;

    /// <summary>The token to send: the trimmed content of <see cref="TokenFile"/> when set, else <see cref="Token"/>.</summary>
    /// <exception cref="InvalidOperationException">Neither is usable.</exception>
    public string ResolveToken()
    {
        if (!string.IsNullOrWhiteSpace(TokenFile))
        {
            if (!File.Exists(TokenFile))
            {
                throw new InvalidOperationException($"GitLab:TokenFile '{TokenFile}' does not exist.");
            }

            var fromFile = File.ReadAllText(TokenFile).Trim();
            return fromFile.Length > 0
                ? fromFile
                : throw new InvalidOperationException($"GitLab:TokenFile '{TokenFile}' is empty.");
        }

        return !string.IsNullOrWhiteSpace(Token)
            ? Token.Trim()
            : throw new InvalidOperationException("GitLab:Token or GitLab:TokenFile must be set.");
    }

    /// <summary>The REST root, always ending in <c>/api/v4/</c>.</summary>
    public Uri ApiRoot
    {
        get
        {
            var text = BaseUrl.TrimEnd('/');
            if (!text.EndsWith("/api/v4", StringComparison.OrdinalIgnoreCase))
            {
                text += "/api/v4";
            }

            return new Uri(text + "/", UriKind.Absolute);
        }
    }
}
