using Microsoft.Extensions.Options;

namespace IssueHygiene.GitLab;

/// <summary>Checks <see cref="GitLabOptions"/> at start-up, with messages naming the configuration key.</summary>
public sealed class GitLabOptionsValidator : IValidateOptions<GitLabOptions>
{
    public ValidateOptionsResult Validate(string? name, GitLabOptions options)
    {
        var failures = Check(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Throws <see cref="OptionsValidationException"/> listing every problem (for direct construction).</summary>
    public static void ThrowIfInvalid(GitLabOptions options)
    {
        var failures = Check(options);
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(nameof(GitLabOptions), typeof(GitLabOptions), failures);
        }
    }

    /// <summary>Every problem found, empty when the options are usable.</summary>
    public static IReadOnlyList<string> Check(GitLabOptions options)
    {
        var failures = new List<string>();
        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var baseUrl)
            || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"GitLab:BaseUrl must be an absolute http or https URL (got '{options.BaseUrl}').");
        }

        if (!string.IsNullOrWhiteSpace(options.TokenFile))
        {
            if (!File.Exists(options.TokenFile))
            {
                failures.Add($"GitLab:TokenFile '{options.TokenFile}' does not exist.");
            }
        }
        else if (string.IsNullOrWhiteSpace(options.Token))
        {
            failures.Add("GitLab:Token or GitLab:TokenFile must be set.");
        }

        AddIfNotPositive(failures, options.RequestsPerMinute, "RequestsPerMinute");
        AddIfNotPositive(failures, options.NotesPerMinute, "NotesPerMinute");
        AddIfNotPositive(failures, options.ReplicaCount, "ReplicaCount");
        AddIfNotPositive(failures, options.MaxPageConcurrency, "MaxPageConcurrency");
        if (options.PerPage is < 1 or > 100)
        {
            failures.Add($"GitLab:PerPage must be between 1 and 100 (got {options.PerPage}).");
        }

        if (options.MaxRetries < 0 || options.MaxRateLimitRetries < 0)
        {
            failures.Add("GitLab:MaxRetries and GitLab:MaxRateLimitRetries must not be negative.");
        }

        if (options.MaxRetryAfter < TimeSpan.Zero || options.DefaultRateLimitWait < TimeSpan.Zero
            || options.RetryBaseDelay < TimeSpan.Zero)
        {
            failures.Add("GitLab:MaxRetryAfter, GitLab:DefaultRateLimitWait and GitLab:RetryBaseDelay must not be negative.");
        }

        if (options.Timeout <= TimeSpan.Zero && options.Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            failures.Add($"GitLab:Timeout must be positive (got {options.Timeout}).");
        }

        return failures;
    }

    private static void AddIfNotPositive(List<string> failures, int value, string key)
    {
        if (value < 1)
        {
            failures.Add($"GitLab:{key} must be at least 1 (got {value}).");
        }
    }
}
