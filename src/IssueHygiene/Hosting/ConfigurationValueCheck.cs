using System.Text.RegularExpressions;
using IssueHygiene.GitLab;
using IssueHygiene.Secrets;
using IssueHygiene.Storage;
using IssueHygiene.Taxonomy;
using IssueHygiene.Worker;
using Microsoft.Extensions.Configuration;

namespace IssueHygiene.Hosting;

/// <summary>
/// Binds every configuration section the executable reads, so a value of the wrong type (<c>MaxWritesPerRun=abc</c>,
/// <c>DryRun=maybe</c>, <c>GitLab:Timeout=soon</c>) is one line naming the key and its environment name at start-up,
/// before any command does work — instead of a binder exception (and stack trace) from deep inside the first use.
/// </summary>
public static partial class ConfigurationValueCheck
{
    /// <summary>Throws a <see cref="UsageException"/> naming the first key whose value cannot be read as its type.</summary>
    public static void ThrowIfUnreadable(IConfiguration configuration)
    {
        // One call per type: the configuration binding source generator (which Native AOT needs) writes binding code
        // only for calls whose target type it can see, not for a target passed as object.
        TryBind(() => configuration.Bind(new HygieneOptions()));
        TryBind(() => configuration.GetSection(GitLabOptions.SectionName).Bind(new GitLabOptions()));
        TryBind(() => configuration.GetSection(StorageOptions.SectionName).Bind(new StorageOptions()));
        TryBind(() => configuration.GetSection(LintWorkerOptions.SectionName).Bind(new LintWorkerOptions()));
        TryBind(() => configuration.GetSection(SecretLeakOptions.Section).Bind(new SecretLeakOptions()));
        TryBind(() => configuration.GetSection(MilestonePlanOptions.SectionName).Bind(new MilestonePlanOptions()));
    }

    /// <summary>The environment variable that sets a configuration key (<c>GitLab:Token</c> → <c>IssueHygiene__GitLab__Token</c>).</summary>
    public static string EnvironmentName(string key) => AppConfiguration.EnvironmentPrefix + key.Replace(":", "__", StringComparison.Ordinal);

    private static void TryBind(Action bind)
    {
        try
        {
            bind();
        }
        catch (InvalidOperationException e)
        {
            throw new UsageException(Describe(e));
        }
    }

    private static string Describe(InvalidOperationException e)
    {
        var match = ConversionFailure().Match(e.Message);
        if (!match.Success)
        {
            return "configuration: " + e.Message;
        }

        var key = match.Groups["key"].Value;
        var expected = match.Groups["type"].Value switch
        {
            "System.Boolean" => "true or false",
            "System.Int32" or "System.Int64" => "a whole number",
            "System.Double" or "System.Decimal" => "a number",
            "System.TimeSpan" => "a duration such as 00:02:00",
            var type => "a " + type,
        };
        return $"configuration: {key} ({EnvironmentName(key)}) is '{match.Groups["value"].Value}', which is not {expected}";
    }

    [GeneratedRegex(@"value '(?<value>.*)' at '(?<key>[^']+)' to type '(?<type>[^']+)'", RegexOptions.Singleline)]
    private static partial Regex ConversionFailure();
}
