using IssueHygiene.Storage.Audit;
using IssueHygiene.Storage.Deliveries;
using IssueHygiene.Storage.Leases;
using IssueHygiene.Storage.LintNotes;
using IssueHygiene.Storage.Sweeps;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IssueHygiene.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="StorageOptions"/> from the <c>Storage</c> section of <paramref name="configuration"/>,
    /// validates them at start-up, registers the store and each of its parts as singletons, and a hosted
    /// service that opens and migrates the store when the host starts.
    /// </summary>
    public static IServiceCollection AddHygieneStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IHygieneStore>(provider => HygieneStoreFactory.Create(
            provider.GetRequiredService<IOptions<StorageOptions>>().Value,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILoggerFactory>()));
        services.TryAddSingleton<IDeliveryQueue>(provider => provider.GetRequiredService<IHygieneStore>().Deliveries);
        services.TryAddSingleton<ILintNoteIndex>(provider => provider.GetRequiredService<IHygieneStore>().LintNotes);
        services.TryAddSingleton<IAuditLog>(provider => provider.GetRequiredService<IHygieneStore>().Audit);
        services.TryAddSingleton<ISweepCheckpoints>(provider => provider.GetRequiredService<IHygieneStore>().Sweeps);
        services.TryAddSingleton<IScopeWatermarks>(provider => provider.GetRequiredService<IHygieneStore>().Watermarks);
        services.TryAddSingleton<ILeaseStore>(provider => provider.GetRequiredService<IHygieneStore>().Leases);
        services.AddHostedService<StorageInitializer>();
        return services;
    }
}
