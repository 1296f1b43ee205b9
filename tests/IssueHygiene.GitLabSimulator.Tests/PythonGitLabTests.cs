using System.Diagnostics;
using IssueHygiene.GitLabSimulator.Seeding;

namespace IssueHygiene.GitLabSimulator.Tests;

/// <summary>
/// python-gitlab (Debian's python3-gitlab, installed by test.sh) drives the simulator through its
/// everyday calls: a client nobody here wrote, so its expectations are GitLab's, not ours.
/// Debian's package installs for /usr/bin/python3, which may not be the python3 on PATH.
/// </summary>
public sealed class PythonGitLabTests
{
    private const string Python = "/usr/bin/python3";

    private static readonly string[] ExpectedChecks =
    [
        "auth", "groups.list iterator", "projects.list get_all", "groups.get projects.get", "issues.create", "issues.list iterator and get_all",
        "issue.save update and close", "issue.delete", "labels create/get/save/list/delete", "milestones create/save/get/list/delete",
        "notes create and edit", "note quick actions", "commands-only note", "note edit runs quick actions",
        "unavailable quick action removed, not applied", "notes list and delete", "hooks create/get/update/list/delete",
        "members list and members_all",
    ];

    [Fact]
    [Trait("Category", "Slow")]
    public async Task PythonGitLab_EverydayCalls_AllWorkAgainstTheSimulator()
    {
        await using var sim = await TestSimulator.StartAsync();
        var script = Path.Combine(AppContext.BaseDirectory, "PythonGitLab", "python_gitlab_smoke.py");
        // -I: ignore PYTHONPATH and the user's site-packages, so Debian's python3-gitlab is what runs.
        var info = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])["-I", script, sim.BaseUrl, sim.AdminToken, SeededUsers.GuestToken])
        {
            info.ArgumentList.Add(arg);
        }

        // requests honours proxy variables; the simulator is on loopback.
        info.Environment["NO_PROXY"] = "127.0.0.1,localhost";
        info.Environment["no_proxy"] = "127.0.0.1,localhost";

        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + Python);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var output = await stdout;
        var errors = await stderr;
        Assert.True(process.ExitCode == 0, $"python-gitlab script failed ({process.ExitCode}):\n{output}\n{errors}");
        var passed = output.Split('\n').Where(l => l.StartsWith("ok ", StringComparison.Ordinal)).Select(l => l[3..].Trim()).ToList();
        Assert.Equal(ExpectedChecks, passed);
        Assert.Contains($"{ExpectedChecks.Length} checks passed", output, StringComparison.Ordinal);
    }
}
