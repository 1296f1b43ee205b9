using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace IssueHygiene.GitLabSimulator.Tests;

/// <summary>The process-mode contract (docs/architecture.md §7): flags, the "listening on" line, the default token.</summary>
[Trait("Category", "Slow")]
public sealed partial class ProcessModeTests
{
    private static string SimulatorDll => Path.Combine(AppContext.BaseDirectory, "IssueHygiene.GitLabSimulator.dll");

    private static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(SimulatorDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info)!;
    }

    [Fact]
    public async Task Run_PortAndIssues_PrintsListeningLineAndServesTheSeededGroup()
    {
        using var process = Start("--port", "0", "--issues", "25", "--seed", "9", "--latency-ms", "1", "--free-tier");
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token);

            var match = ListeningLine().Match(line ?? "");
            Assert.True(match.Success, $"unexpected first line: {line}");
            using var client = new HttpClient { BaseAddress = new Uri(match.Groups["url"].Value + "/") };
            client.DefaultRequestHeaders.Add("PRIVATE-TOKEN", "simulator-token");
            var groups = await client.GetApiAsync("api/v4/groups");
            var issues = await client.GetApiAsync("api/v4/groups/handbook-org/issues?per_page=100");
            Assert.Equal(HttpStatusCode.OK, groups.Status);
            Assert.Contains(groups.Array, g => g!["full_path"]!.GetValue<string>() == "handbook-org");
            Assert.Equal("25", issues.Header("X-Total"));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Run_CustomToken_OnlyThatTokenIsAccepted()
    {
        using var process = Start("--port", "0", "--issues", "0", "--token", "my-admin");
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var url = ListeningLine().Match(await process.StandardOutput.ReadLineAsync(timeout.Token) ?? "").Groups["url"].Value;
            using var client = new HttpClient { BaseAddress = new Uri(url + "/") };

            var anonymous = await client.GetApiAsync("api/v4/user");
            client.DefaultRequestHeaders.Add("PRIVATE-TOKEN", "my-admin");
            var admin = await client.GetApiAsync("api/v4/user");

            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
            Assert.Equal("root", admin.Object["username"]!.GetValue<string>());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Run_Sigterm_ExitsCleanlyAndPrintsTheRequestLog()
    {
        using var process = Start("--port", "0", "--print-requests");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var url = ListeningLine().Match(await process.StandardOutput.ReadLineAsync(timeout.Token) ?? "").Groups["url"].Value;
        using (var client = new HttpClient { BaseAddress = new Uri(url + "/") })
        {
            await client.GetApiAsync("api/v4/user");
        }

        // The CI runs on Linux: send what `docker stop` or a CI runner sends.
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(timeout.Token);
        }

        var rest = await process.StandardOutput.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(0, process.ExitCode);
        Assert.Equal("[{\"method\":\"GET\",\"path\":\"/api/v4/user\",\"status\":401}]", rest.Trim());
    }

    [Theory]
    [InlineData("--issues", "many")]
    [InlineData("--bogus", "1")]
    [InlineData("--port")]
    public async Task Run_BadArguments_ExitsWith2AndSaysWhy(params string[] args)
    {
        using var process = Start(args);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var error = await process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("usage:", error, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^listening on (?<url>http://127\.0\.0\.1:\d+)$")]
    private static partial Regex ListeningLine();
}
