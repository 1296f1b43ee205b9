using IssueHygiene.Core.Actuation;
using IssueHygiene.Core.Evaluation;
using IssueHygiene.GitLab.DependencyInjection;
using IssueHygiene.Processing;
using IssueHygiene.Secrets;
using IssueHygiene.Storage;
using IssueHygiene.Sweeping;
using IssueHygiene.TrackerHealth;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IssueHygiene.Hosting;

/// <summary>The one explicit list of what the service is made of, shared by the CLI commands and <c>serve</c>.</summary>
public static class HygieneServiceCollectionExtensions
{
    public static IServiceCollection AddIssueHygiene(this IServiceCollection services, IConfiguration configuration, HygieneOptions options, string? rulesPath = null)
    {
        var rules = RulesFile.LoadOrThrow(RulesFile.Resolve(rulesPath, options.Rules.Path));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton(rules);
        services.AddSingleton(new Evaluator(rules));
        var fixMode = AppConfiguration.ParseFixMode(options.FixMode) ?? FixMode.QuickActions;
        services.AddSingleton(sp => new WritePlanner(sp.GetRequiredService<Evaluator>(), fixMode));
        services.AddSingleton(new Core.Secrets.SecretLeakPlanner(rules, fixMode));
        services.AddGitLabClient(configuration.GetSection("GitLab"));
        services.AddHygieneStorage(configuration);
        services.AddSingleton<Actuator>();
        services.AddSingleton<TrackerHealthRecorder>();
        services.AddSingleton<Dashboard.DashboardDataLoader>();
        services.AddSingleton<IssueProcessor>();
        services.AddSingleton(new Core.MergeRequests.MergeRequestEvaluator(rules));
        services.AddSingleton<MergeRequests.MergeRequestProcessor>();
        services.AddSingleton<MergeRequests.MergeRequestSweep>();
        services.AddSingleton<SweepRunner>();
        services.AddSingleton<LeasedSweep>();
        services.AddSingleton<IScheduledSweep>(sp => sp.GetRequiredService<LeasedSweep>());
        services.AddSingleton<Taxonomy.MilestonePlanRunner>();
        services.AddSingleton<Taxonomy.LabelSyncRunner>();
        services.AddSecretLeakResponder(configuration);
        return services;
    }

    /// <summary>The scopes to sweep: those given on the command line, else the configured ones.</summary>
    public static IReadOnlyList<SweepScope> ScopesFrom(HygieneOptions options, IReadOnlyList<string>? groups, IReadOnlyList<string>? projects)
    {
        var fromCommandLine = (groups?.Count ?? 0) + (projects?.Count ?? 0) > 0;
        var g = fromCommandLine ? groups ?? [] : options.Scopes.Groups;
        var p = fromCommandLine ? projects ?? [] : options.Scopes.Projects;
        return [.. g.Select(x => new SweepScope(SweepScopeKind.Group, x.Trim('/'))), .. p.Select(x => new SweepScope(SweepScopeKind.Project, x.Trim('/')))];
    }
}
