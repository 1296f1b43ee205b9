using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IssueHygiene.Secrets;

/// <summary>Registers the secret-leak options and fingerprint key (called from <c>AddIssueHygiene</c>; the planner is Core's).</summary>
public static class SecretLeakServiceCollectionExtensions
{
    public static IServiceCollection AddSecretLeakResponder(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SecretLeakOptions>()
            .Bind(configuration.GetSection(SecretLeakOptions.Section))
            .Validate(o => string.IsNullOrEmpty(o.FingerprintKey) || o.FingerprintKey.Length >= 16, "SecretLeak:FingerprintKey must be at least 16 characters.")
            .ValidateOnStart();
        services.AddSingleton<SecretFingerprintKey>();
        return services;
    }
}
