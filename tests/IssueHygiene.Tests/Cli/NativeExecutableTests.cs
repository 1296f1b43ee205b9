using System.Text.RegularExpressions;

namespace IssueHygiene.Tests.Cli;

/// <summary>
/// The native executable that ships (<c>dotnet publish -p:NativeAot=true</c>, the Dockerfile, the benchmarks): published
/// from the repository and run through the whole <c>demo</c> (simulator, dry run, live sweep, second sweep, summary
/// issue, dashboard, merge requests), whose output must be the JIT build's, byte for byte once ports, paths and
/// durations are masked. Compile-time generated code (configuration binding, request delegates, JSON) is what the two
/// builds share; this catches what only shows at run time in the native one.
/// </summary>
[Trait("Category", "Slow")]
public sealed partial class NativeExecutableTests
{
    [Fact]
    public async Task NativeExecutable_Demo_WritesWhatTheJitBuildWrites()
    {
        var work = Path.Combine(Path.GetTempPath(), "issue-hygiene-native-" + Guid.NewGuid().ToString("N"));
        try
        {
            var native = Path.Combine(work, "native");
            // Its own artifacts folder: the publish must not touch the obj/ folders the test run's own build uses.
            var publish = await ProgramRun.RunAsync("dotnet", CliRunner.RepositoryRoot, "publish", CliRunner.Repo("src/IssueHygiene/IssueHygiene.csproj"),
                "-c", "Release", "-r", "linux-x64", "-p:NativeAot=true", "--artifacts-path", Path.Combine(work, "artifacts"), "-o", native, "--nologo");
            Assert.True(publish.Exit == 0, "dotnet publish -p:NativeAot=true failed (Native AOT needs clang: apt-get install clang zlib1g-dev):\n" + publish.Output);

            var nativeRun = Path.Combine(work, "native-demo");
            var jitRun = Path.Combine(work, "jit-demo");
            Directory.CreateDirectory(nativeRun);
            Directory.CreateDirectory(jitRun);
            var fromNative = await ProgramRun.RunAsync(Path.Combine(native, "issue-hygiene"), nativeRun, "demo");
            var fromJit = await ProgramRun.RunAsync("dotnet", jitRun, Path.Combine(AppContext.BaseDirectory, "issue-hygiene.dll"), "demo");

            Assert.True(fromJit.Exit == 0, fromJit.Output);
            Assert.True(fromNative.Exit == 0, fromNative.Output);
            Assert.Equal(Masked(fromJit.Output, jitRun), Masked(fromNative.Output, nativeRun));
            var jitFiles = Directory.GetFiles(Path.Combine(jitRun, "demo-output")).Select(Path.GetFileName).Where(f => !f!.EndsWith(".db", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
            var nativeFiles = Directory.GetFiles(Path.Combine(nativeRun, "demo-output")).Select(Path.GetFileName).Where(f => !f!.EndsWith(".db", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(jitFiles, nativeFiles);
            Assert.Contains("2-live-sweep.md", nativeFiles);
            foreach (var file in jitFiles)
            {
                var expected = Masked(await File.ReadAllTextAsync(Path.Combine(jitRun, "demo-output", file!)), jitRun);
                var actual = Masked(await File.ReadAllTextAsync(Path.Combine(nativeRun, "demo-output", file!)), nativeRun);
                Assert.True(expected == actual, $"{file} differs between the JIT build and the native executable");
            }
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    /// <summary>What differs between two identical runs: the simulator's port, the run's folder, and how long things took.</summary>
    private static string Masked(string text, string runDirectory) =>
        Duration().Replace(Port().Replace(text.Replace(runDirectory, "RUN", StringComparison.Ordinal), "127.0.0.1:PORT"), "N s");

    [GeneratedRegex(@"127\.0\.0\.1:\d+")]
    private static partial Regex Port();

    [GeneratedRegex(@"\d+(\.\d+)? s\b")]
    private static partial Regex Duration();
}
