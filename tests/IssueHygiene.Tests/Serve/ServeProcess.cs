using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace IssueHygiene.Tests.Serve;

/// <summary>
/// <c>dotnet issue-hygiene.dll serve</c> as a separate process, configured through the environment (the contract
/// names). Used by the crash test and, one per replica, by the scale-out fleet (whose sweep lease names the holder's
/// process id, so a test can kill exactly the sweeping replica).
/// </summary>
internal sealed class ServeProcess : IDisposable
{
    private const int KeptLogLines = 30;
    private readonly Process _process;
    private readonly Queue<string> _recentLog;

    private ServeProcess(Process process, string url, Queue<string> recentLog)
    {
        _process = process;
        Url = url;
        _recentLog = recentLog;
    }

    /// <summary>The last lines the replica logged (stderr), for a failing test's message.</summary>
    public IReadOnlyList<string> RecentLog
    {
        get
        {
            lock (_recentLog)
            {
                return [.. _recentLog];
            }
        }
    }

    public string Url { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts <c>serve</c>: the test build's <c>issue-hygiene.dll</c>, or <paramref name="nativeExecutable"/> when given.</summary>
    public static async Task<ServeProcess> StartAsync(int port, IReadOnlyDictionary<string, string> environment, string? nativeExecutable = null)
    {
        var url = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo(nativeExecutable ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        if (nativeExecutable is null)
        {
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "issue-hygiene.dll"));
        }

        foreach (var argument in new[] { "serve", "--urls", url })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        // Drain the pipes so the child never blocks on a full buffer; keep the log's tail for diagnosis.
        var recentLog = new Queue<string>();
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is null)
            {
                return;
            }

            lock (recentLog)
            {
                recentLog.Enqueue(line.Data);
                if (recentLog.Count > KeptLogLines)
                {
                    recentLog.Dequeue();
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(2) };
        // Several replicas starting at once on 2 cores take a while.
        async Task<bool> HealthyAsync()
        {
            try
            {
                using var response = await http.GetAsync("/healthz");
                return response.IsSuccessStatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return false; // Not listening yet.
            }
        }

        await Eventually.HoldsAsync(async () => process.HasExited || await HealthyAsync(), TimeSpan.FromSeconds(40), TimeSpan.FromMilliseconds(100));
        if (!process.HasExited && await HealthyAsync())
        {
            return new ServeProcess(process, url, recentLog);
        }

        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException($"serve did not start (exited: {process.HasExited})");
    }

    /// <summary>SIGKILL: no shutdown hook runs, claims are left as they are.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }
}
