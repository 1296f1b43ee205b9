using System.Collections.Concurrent;
using System.Diagnostics;

namespace IssueHygiene.Tests.Cli;

/// <summary>
/// <c>dotnet issue-hygiene.dll …</c> as a child process, configured through the environment (the contract names), with
/// its stdout and stderr captured and a way to send it a real signal. The child is started through
/// <c>env --default-signal=INT</c>: a shell running tests in the background starts them with SIGINT ignored, which a
/// child would inherit and .NET would then leave ignored.
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stdout = new();
    private readonly ConcurrentQueue<string> _stderr = new();

    private ChildProcess(Process process)
    {
        _process = process;
    }

    public string Stdout => string.Join('\n', _stdout);

    public string Stderr => string.Join('\n', _stderr);

    public IReadOnlyList<string> StderrLines => [.. _stderr];

    public static ChildProcess Start(IReadOnlyDictionary<string, string?> configuration, params string[] args)
    {
        var start = new ProcessStartInfo("env")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var arg in (string[])["--default-signal=INT", "dotnet", Path.Combine(AppContext.BaseDirectory, "issue-hygiene.dll"), .. args])
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in configuration)
        {
            start.Environment["IssueHygiene__" + key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var child = new ChildProcess(Process.Start(start)!);
        child._process.OutputDataReceived += (_, e) => { if (e.Data is not null) { child._stdout.Enqueue(e.Data); } };
        child._process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { child._stderr.Enqueue(e.Data); } };
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Sends a signal (<c>INT</c>, <c>TERM</c>) the way a terminal or Kubernetes would: <c>kill -SIG pid</c>.</summary>
    public void Signal(string name)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-" + name, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, UseShellExecute = false })!;
        kill.WaitForExit();
    }

    /// <summary>The exit code, or null when the child did not exit within <paramref name="timeout"/>.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
            _process.WaitForExit(); // drains the redirected streams
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Polls <paramref name="condition"/> until it holds or the child exits or the deadline passes.</summary>
    public async Task<bool> WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        await Eventually.HoldsAsync(() => condition() || _process.HasExited, timeout);
        return condition();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
