using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IssueHygiene.Tests.Dashboard;

/// <summary>
/// Debian's <c>chromium</c>, headless, driven over the DevTools protocol (a WebSocket, no extra package): opens a page,
/// collects console errors and uncaught exceptions, evaluates script, takes a screenshot.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _socket = new();
    private readonly List<string> _errors = [];
    private readonly Dictionary<int, TaskCompletionSource<JsonNode>> _pending = [];
    private readonly List<(string Method, TaskCompletionSource<JsonNode> Done)> _waiters = [];
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _reader = Task.CompletedTask;
    private int _nextId;

    private HeadlessChromium(Process process, string profile)
    {
        _process = process;
        _profile = profile;
    }

    /// <summary>Console errors, log errors and uncaught exceptions seen so far.</summary>
    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_gate)
            {
                return [.. _errors];
            }
        }
    }

    public static string? FindExecutable() =>
        new[] { "chromium", "chromium-headless-shell", "chromium-browser" }
            .SelectMany(name => (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin").Split(':').Select(dir => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);

    public static async Task<HeadlessChromium> StartAsync(string executable, CancellationToken cancellationToken)
    {
        var profile = Directory.CreateTempSubdirectory("issue-hygiene-chromium-").FullName;
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars", $"--user-data-dir={profile}",
            "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "--window-size=1400,1400", "about:blank",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var browser = new HeadlessChromium(process, profile);
        try
        {
            await browser.ConnectAsync(cancellationToken);
            return browser;
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }
    }

    /// <summary>Navigates and waits for the load event.</summary>
    public async Task NavigateAsync(string url, CancellationToken cancellationToken)
    {
        var loaded = WaitForEvent("Page.loadEventFired");
        await SendAsync("Page.navigate", new JsonObject { ["url"] = url }, cancellationToken);
        await loaded.WaitAsync(cancellationToken);
    }

    /// <summary>Evaluates a script expression in the page and returns its JSON value.</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression, CancellationToken cancellationToken)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true }, cancellationToken);
        return result["result"]?["value"];
    }

    public async Task<byte[]> ScreenshotAsync(CancellationToken cancellationToken)
    {
        var result = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png", ["captureBeyondViewport"] = true }, cancellationToken);
        return Convert.FromBase64String(result["data"]!.GetValue<string>());
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Abort();
        _socket.Dispose();
        try
        {
            await _reader;
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // Closing: the reader stops on the aborted socket.
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }

        _process.Dispose();
        _stop.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // A helper process may still hold a file for a moment; the temp folder is cleaned later.
        }
    }

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        // With port 0 chromium picks a free port and writes it to DevToolsActivePort in the profile.
        var portFile = Path.Combine(_profile, "DevToolsActivePort");
        var opened = await Eventually.HoldsAsync(
            async () => _process.HasExited || (File.Exists(portFile) && (await File.ReadAllTextAsync(portFile, cancellationToken)).Split('\n').Length >= 2),
            TimeSpan.FromSeconds(30),
            TimeSpan.FromMilliseconds(50));
        if (!opened || _process.HasExited)
        {
            throw new InvalidOperationException($"chromium did not open its DevTools port (exited: {_process.HasExited})");
        }

        var port = (await File.ReadAllTextAsync(portFile, cancellationToken)).Split('\n')[0].Trim();
        using var http = new HttpClient();
        var targets = JsonNode.Parse(await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/json/list"), cancellationToken))!.AsArray();
        var page = targets.First(t => t!["type"]!.GetValue<string>() == "page")!;
        await _socket.ConnectAsync(new Uri(page["webSocketDebuggerUrl"]!.GetValue<string>()), cancellationToken);
        _reader = Task.Run(ReadLoopAsync, CancellationToken.None);
        await SendAsync("Runtime.enable", new JsonObject(), cancellationToken);
        await SendAsync("Log.enable", new JsonObject(), cancellationToken);
        await SendAsync("Page.enable", new JsonObject(), cancellationToken);
    }

    private Task<JsonNode> WaitForEvent(string method)
    {
        var done = new TaskCompletionSource<JsonNode>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waiters.Add((method, done));
        }

        return done.Task;
    }

    private async Task<JsonNode> SendAsync(string method, JsonObject parameters, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource<JsonNode>(TaskCreationOptions.RunContinuationsAsynchronously);
        int id;
        lock (_gate)
        {
            id = ++_nextId;
            _pending[id] = done;
        }

        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters };
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        var response = await done.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        return response["error"] is { } error ? throw new InvalidOperationException($"{method}: {error.ToJsonString()}") : response["result"]!;
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
        {
            var received = await _socket.ReceiveAsync(buffer, _stop.Token);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            message.Write(buffer, 0, received.Count);
            if (!received.EndOfMessage)
            {
                continue;
            }

            var node = JsonNode.Parse(message.ToArray())!;
            message.SetLength(0);
            Dispatch(node);
        }
    }

    private void Dispatch(JsonNode node)
    {
        lock (_gate)
        {
            if (node["id"] is { } id && _pending.Remove(id.GetValue<int>(), out var done))
            {
                done.TrySetResult(node);
                return;
            }

            var method = node["method"]?.GetValue<string>();
            var parameters = node["params"] ?? new JsonObject();
            var consoleType = parameters["type"]?.GetValue<string>();
            var logLevel = parameters["entry"]?["level"]?.GetValue<string>();
            if (method == "Runtime.consoleAPICalled" && consoleType is "error" or "assert")
            {
                _errors.Add("console: " + parameters["args"]?.ToJsonString());
            }
            else if (method == "Runtime.exceptionThrown")
            {
                _errors.Add("exception: " + parameters["exceptionDetails"]?.ToJsonString());
            }
            else if (method == "Log.entryAdded" && logLevel == "error")
            {
                _errors.Add("log: " + parameters["entry"]?.ToJsonString());
            }

            foreach (var waiter in _waiters.Where(w => w.Method == method).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult(node);
            }
        }
    }
}
