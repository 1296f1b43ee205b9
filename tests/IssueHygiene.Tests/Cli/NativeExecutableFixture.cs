namespace IssueHygiene.Tests.Cli;

/// <summary>
/// The native executable, published once for the tests that run it: <c>dotnet publish -p:NativeAot=true</c> from the
/// repository, with its own artifacts folder so the publish never touches the obj/ folders of the test run's build.
/// </summary>
public sealed class NativeExecutableFixture : IAsyncLifetime
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "issue-hygiene-native-" + Guid.NewGuid().ToString("N"));

    /// <summary>The published <c>issue-hygiene</c> executable.</summary>
    public string Executable => Path.Combine(_work, "native", "issue-hygiene");

    /// <summary>A folder of its own for each run.</summary>
    public string NewRunDirectory(string name)
    {
        var directory = Path.Combine(_work, name);
        Directory.CreateDirectory(directory);
        return directory;
    }

    public async Task InitializeAsync()
    {
        var publish = await ProgramRun.RunAsync("dotnet", CliRunner.RepositoryRoot, "publish", CliRunner.Repo("src/IssueHygiene/IssueHygiene.csproj"),
            "-c", "Release", "-r", "linux-x64", "-p:NativeAot=true", "--artifacts-path", Path.Combine(_work, "artifacts"), "-o", Path.Combine(_work, "native"), "--nologo");
        if (publish.Exit != 0 || !File.Exists(Executable))
        {
            throw new InvalidOperationException("dotnet publish -p:NativeAot=true failed (Native AOT needs clang: apt-get install clang zlib1g-dev):\n" + publish.Output);
        }
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(_work))
        {
            Directory.Delete(_work, recursive: true);
        }

        return Task.CompletedTask;
    }
}
