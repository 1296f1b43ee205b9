namespace IssueHygiene.GitLab.Tests.Infrastructure;

/// <summary>
/// Finds <c>shared/gitlab</c> (GitLab's own example payloads): beside the repository root, which is the
/// directory holding <c>IssueHygiene.sln</c> above the test binaries (CI clones <c>shared/</c> next to it).
/// </summary>
public static class SharedSamples
{
    private static readonly Lazy<string> Directory = new(Locate);

    public static string GitLabDirectory => Directory.Value;

    public static string Read(string relativePath) => File.ReadAllText(PathOf(relativePath));

    public static string PathOf(string relativePath) => Path.Combine(GitLabDirectory, relativePath.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Every JSON sample, as paths relative to <see cref="GitLabDirectory"/> with <c>/</c> separators.</summary>
    public static IReadOnlyList<string> AllJsonFiles() =>
        [.. System.IO.Directory.EnumerateFiles(GitLabDirectory, "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(GitLabDirectory, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)];

    private static string Locate()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "IssueHygiene.sln")))
        {
            directory = directory.Parent;
        }

        if (directory is null)
        {
            throw new InvalidOperationException(
                $"No IssueHygiene.sln above {AppContext.BaseDirectory}: cannot locate the repository root to find ../shared/gitlab.");
        }

        var gitlab = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "gitlab"));
        return System.IO.Directory.Exists(gitlab)
            ? gitlab
            : throw new InvalidOperationException(
                $"GitLab samples not found at {gitlab}: clone the shared/ folder beside the repository ({directory.FullName}).");
    }
}
