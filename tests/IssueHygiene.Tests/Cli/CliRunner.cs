using IssueHygiene.Cli;
using Microsoft.Extensions.Time.Testing;

namespace IssueHygiene.Tests.Cli;

/// <summary>Runs the command line in-process, as a terminal would, and captures what it prints.</summary>
internal static class CliRunner
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = new CliApp(output, error, new FakeTimeProvider(Now)).Run(args);
        return (exit, output.ToString(), error.ToString());
    }

    public static string RepositoryRoot
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

            throw new InvalidOperationException("IssueHygiene.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string Repo(string relative) => Path.Combine(RepositoryRoot, relative);

    public static string TempFile(string content, string extension = ".json")
    {
        var path = Path.Combine(Path.GetTempPath(), "issue-hygiene-test-" + Guid.NewGuid().ToString("N") + extension);
        File.WriteAllText(path, content);
        return path;
    }
}
