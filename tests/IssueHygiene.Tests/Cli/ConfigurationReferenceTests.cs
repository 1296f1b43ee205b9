using System.Reflection;
using IssueHygiene.GitLab;
using IssueHygiene.Hosting;
using IssueHygiene.Secrets;
using IssueHygiene.Storage;
using IssueHygiene.Taxonomy;
using IssueHygiene.Worker;

namespace IssueHygiene.Tests.Cli;

/// <summary>docs/configuration.md lists every key the executable binds: a setting added without a line there fails.</summary>
public sealed class ConfigurationReferenceTests
{
    [Fact]
    public void ConfigurationReference_ListsEveryBoundKey()
    {
        var reference = File.ReadAllText(CliRunner.Repo("docs/configuration.md"));
        var keys = Keys(typeof(HygieneOptions), null)
            .Concat(Keys(typeof(GitLabOptions), GitLabOptions.SectionName))
            .Concat(Keys(typeof(StorageOptions), StorageOptions.SectionName))
            .Concat(Keys(typeof(LintWorkerOptions), LintWorkerOptions.SectionName))
            .Concat(Keys(typeof(SecretLeakOptions), SecretLeakOptions.Section))
            .Concat(Keys(typeof(MilestonePlanOptions), MilestonePlanOptions.SectionName))
            .Concat(Keys(typeof(Serving.ManagementOptions), Serving.ManagementOptions.SectionName))
            .ToList();

        Assert.True(keys.Count > 40, $"only {keys.Count} keys found");
        Assert.All(keys, key => Assert.Contains($"`{key}", reference, StringComparison.Ordinal));
    }

    private static IEnumerable<string> Keys(Type type, string? prefix)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true }))
        {
            var key = prefix is null ? property.Name : $"{prefix}:{property.Name}";
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (propertyType.IsGenericType && propertyType.GetGenericTypeDefinition() == typeof(List<>))
            {
                yield return key + ":0";
            }
            else if (propertyType.IsClass && propertyType != typeof(string))
            {
                foreach (var nested in Keys(propertyType, key))
                {
                    yield return nested;
                }
            }
            else
            {
                yield return key;
            }
        }
    }
}
