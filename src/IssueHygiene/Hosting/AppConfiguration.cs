using IssueHygiene.Core.Actuation;
using IssueHygiene.Scheduling;
using IssueHygiene.Storage;
using Microsoft.Extensions.Configuration;

namespace IssueHygiene.Hosting;

/// <summary>Reads configuration the same way for every command: appsettings.json, environment, then overrides.</summary>
public static class AppConfiguration
{
    /// <summary>Environment variables with this prefix configure the service (<c>IssueHygiene__GitLab__Token</c>).</summary>
    public const string EnvironmentPrefix = "IssueHygiene__";

    public static IConfigurationRoot Build(IDictionary<string, string?>? overrides = null, string? basePath = null) =>
        new ConfigurationBuilder()
            .SetBasePath(basePath ?? Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables(EnvironmentPrefix)
            .AddInMemoryCollection(overrides ?? new Dictionary<string, string?>())
            .Build();

    /// <summary>The bound options, or a <see cref="UsageException"/> naming every bad key.</summary>
    public static HygieneOptions BindOptions(IConfiguration configuration)
    {
        ConfigurationValueCheck.ThrowIfUnreadable(configuration);
        var options = new HygieneOptions();
        configuration.Bind(options);
        var problems = Validate(options).ToList();

        // Checked here too (not only when the service graph first asks for them) so that `serve` refuses a bad value
        // with one line before its host starts, rather than a logged "Hosting failed to start" and a stack trace.
        var storage = new StorageOptions();
        configuration.GetSection(StorageOptions.SectionName).Bind(storage);
        if (StorageOptionsValidator.Check(storage) is { } storageProblem)
        {
            problems.Add(storageProblem);
        }

        var gitLab = new GitLab.GitLabOptions();
        configuration.GetSection(GitLab.GitLabOptions.SectionName).Bind(gitLab);
        problems.AddRange(GitLab.GitLabOptionsValidator.Check(gitLab).Select(p => p.TrimEnd('.')));
        return problems.Count == 0
            ? options
            : throw new UsageException("configuration: " + string.Join("; ", problems));
    }

    public static IReadOnlyList<string> Validate(HygieneOptions options)
    {
        var problems = new List<string>();
        if (ParseFixMode(options.FixMode) is null)
        {
            problems.Add($"FixMode '{options.FixMode}' must be quick-actions or api");
        }

        AddBlankEntries(problems, "Scopes:Groups", options.Scopes.Groups, "a group path or id");
        AddBlankEntries(problems, "Scopes:Projects", options.Scopes.Projects, "a project path or id");
        if (options.MaxWritesPerRun < 0)
        {
            problems.Add($"MaxWritesPerRun (IssueHygiene__MaxWritesPerRun) {options.MaxWritesPerRun} must be 0 or more");
        }

        if (!string.IsNullOrWhiteSpace(options.Schedule.Cron) && CronSchedule.CronProblem(options.Schedule.Cron) is { } cronProblem)
        {
            problems.Add(cronProblem);
        }

        if (CronSchedule.TimeZoneProblem(options.Schedule.TimeZone) is { } zoneProblem)
        {
            problems.Add(zoneProblem);
        }

        if (options.Schedule.LeaseTtl < TimeSpan.FromSeconds(3))
        {
            problems.Add($"Schedule:LeaseTtl {options.Schedule.LeaseTtl} is shorter than 3 seconds");
        }

        if (options.Poll.Interval is { } interval && interval < TimeSpan.FromSeconds(10))
        {
            problems.Add($"Poll:Interval {interval} is shorter than 10 seconds");
        }

        return problems;
    }

    private static void AddBlankEntries(List<string> problems, string key, List<string> entries, string expected)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(entries[i]) || entries[i].Trim('/').Length == 0)
            {
                var indexed = $"{key}:{i}";
                problems.Add($"{indexed} ({ConfigurationValueCheck.EnvironmentName(indexed)}) is empty: give {expected}, or remove it");
            }
        }
    }

    public static FixMode? ParseFixMode(string text) => text.Trim().ToLowerInvariant() switch
    {
        "quick-actions" or "quickactions" => FixMode.QuickActions,
        "api" => FixMode.Api,
        _ => null,
    };
}
