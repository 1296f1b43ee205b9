using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IssueHygiene.Taxonomy;

/// <summary>For <c>serve</c>: the weekly sprint milestone planning (after <c>AddIssueHygiene</c>).</summary>
public static class MilestonePlanServiceCollectionExtensions
{
    public static IServiceCollection AddMilestonePlanScheduler(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MilestonePlanOptions>()
            .Bind(configuration.GetSection(MilestonePlanOptions.SectionName))
            .Validate(o => string.IsNullOrWhiteSpace(o.PlanCron) || Scheduling.CronSchedule.TryCreate(o.PlanCron, "UTC", out _) is not null,
                "Milestones:PlanCron is not a cron expression (5 fields, e.g. '0 6 * * 1' for Mondays 06:00)")
            .ValidateOnStart();
        services.TryAddSingleton<IMilestonePlanJob, MilestonePlanJob>();
        services.TryAddSingleton(sp => sp.GetRequiredService<Storage.IHygieneStore>().Leases);
        services.AddHostedService<MilestonePlanScheduler>();
        return services;
    }
}
