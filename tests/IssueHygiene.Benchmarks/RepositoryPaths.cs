namespace IssueHygiene.Benchmarks;

/// <summary>The repository the benchmarks run from (they read rules/handbook.yml and start the built simulator).</summary>
internal static class RepositoryPaths
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "IssueHygiene.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("run the benchmarks from inside the repository (IssueHygiene.sln not found above " + AppContext.BaseDirectory + ")");
        }
    }

    public static string Handbook => Path.Combine(Root, "rules", "handbook.yml");
}
