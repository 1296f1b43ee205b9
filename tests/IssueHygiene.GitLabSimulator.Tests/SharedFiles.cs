namespace IssueHygiene.GitLabSimulator.Tests;

/// <summary>Finds /work/shared portably: the directory next to the one holding IssueHygiene.sln.</summary>
internal static class SharedFiles
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IssueHygiene.sln")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
            }
        }

        throw new DirectoryNotFoundException("IssueHygiene.sln not found above " + AppContext.BaseDirectory);
    });

    public static string GitLab(string file) => Path.Combine(Root.Value, "gitlab", file);

    public static string ReadGitLab(string file) => File.ReadAllText(GitLab(file));
}
