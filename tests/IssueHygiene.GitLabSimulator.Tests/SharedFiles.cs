namespace IssueHygiene.GitLabSimulator.Tests;

/// <summary>
/// GitLab's own examples and response schemas, shared by the test projects: <c>tests/GitLabSamples</c> in this
/// repository (where each came from: <c>tests/GitLabSamples/SOURCES.md</c>), found above the test binaries.
/// </summary>
internal static class SharedFiles
{
    private static readonly Lazy<string> Samples = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IssueHygiene.sln")))
            {
                return Path.Combine(dir.FullName, "tests", "GitLabSamples");
            }
        }

        throw new DirectoryNotFoundException("IssueHygiene.sln not found above " + AppContext.BaseDirectory);
    });

    public static string GitLab(string file) => Path.Combine(Samples.Value, file);

    public static string ReadGitLab(string file) => File.ReadAllText(GitLab(file));
}
