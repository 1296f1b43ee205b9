using IssueHygiene.Core.Policy;
using IssueHygiene.Core.Policy.Loading;

namespace IssueHygiene.Hosting;

/// <summary>Finds and loads the rules file: <c>--rules</c>, else <c>Rules:Path</c>, else <c>rules/handbook.yml</c>.</summary>
public static class RulesFile
{
    public const string DefaultRelativePath = "rules/handbook.yml";

    /// <summary>The path to use: the explicit one, the configured one, the working directory's, or the shipped copy.</summary>
    public static string Resolve(string? explicitPath, string? configuredPath)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            return explicitPath;
        }

        if (!string.IsNullOrWhiteSpace(configuredPath))
        {
            return configuredPath;
        }

        return File.Exists(DefaultRelativePath)
            ? DefaultRelativePath
            : Path.Combine(AppContext.BaseDirectory, DefaultRelativePath);
    }

    /// <summary>Reads and loads; an unreadable file is a <see cref="UsageException"/>, a bad one returns its errors.</summary>
    public static RuleSetLoadResult Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new UsageException($"cannot read rules file {path}: {e.Message}");
        }

        return RuleSetLoader.Load(text, path);
    }

    /// <summary>Loads or throws a <see cref="UsageException"/> listing every error as FILE:LINE:COL.</summary>
    public static RuleSet LoadOrThrow(string path)
    {
        var result = Load(path);
        return result.RuleSet ?? throw new UsageException(
            $"rules file {path} has {result.Errors.Count} error(s):{Environment.NewLine}" + string.Join(Environment.NewLine, result.Errors));
    }
}
