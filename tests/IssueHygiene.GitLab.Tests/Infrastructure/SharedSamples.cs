namespace IssueHygiene.GitLab.Tests.Infrastructure;

/// <summary>
/// GitLab's own example payloads, shared by the test projects: <c>tests/GitLabSamples</c> in this repository
/// (where each came from: <c>tests/GitLabSamples/SOURCES.md</c>). Found from the test binaries by walking up to
/// the directory holding <c>IssueHygiene.sln</c>, so a clone on its own is enough.
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
                $"No IssueHygiene.sln above {AppContext.BaseDirectory}: cannot locate the repository root to find tests/GitLabSamples.");
        }

        var samples = Path.Combine(directory.FullName, "tests", "GitLabSamples");
        return System.IO.Directory.Exists(samples)
            ? samples
            : throw new InvalidOperationException($"GitLab samples not found at {samples}.");
    }
}
