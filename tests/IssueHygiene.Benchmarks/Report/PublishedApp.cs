using System.Diagnostics;

namespace IssueHygiene.Benchmarks.Report;

/// <summary>
/// The <c>issue-hygiene</c> executable as it ships (<c>dotnet publish -p:NativeAot=true</c>, as the Dockerfile does: one
/// native executable, the project's runtime settings), published into <c>artifacts/bench/app</c> under the repository.
/// Native AOT needs clang (<c>apt-get install clang</c>); the first publish takes a few minutes.
/// </summary>
internal static class PublishedApp
{
    public static async Task<string> PublishAsync(string root)
    {
        var output = Path.Combine(root, "artifacts", "bench", "app");
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "publish", Path.Combine(root, "src", "IssueHygiene", "IssueHygiene.csproj"), "-c", "Release", "-r", "linux-x64", "-p:NativeAot=true", "-o", output })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var log = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet publish failed:\n" + await log + await errors);
        }

        return Path.Combine(output, "issue-hygiene");
    }
}
