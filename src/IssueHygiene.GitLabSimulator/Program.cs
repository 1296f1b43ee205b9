using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using IssueHygiene.GitLabSimulator;
using IssueHygiene.GitLabSimulator.Hosting;

var (options, printRequests, error) = CommandLine.Parse(args);
if (options is null)
{
    await Console.Error.WriteLineAsync(error);
    return 2;
}

using var stop = new CancellationTokenSource();
void Stop(PosixSignalContext context)
{
    // Handled here: shut down cleanly (and print the request log if asked) instead of dying.
    context.Cancel = true;
    stop.Cancel();
}

using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

SimulatedGitLab simulator;
try
{
    simulator = await SimulatedGitLab.StartAsync(options, stop.Token);
}
catch (IOException ex)
{
    // Kestrel reports a taken port as an IOException ("address already in use").
    await Console.Error.WriteLineAsync($"cannot listen on 127.0.0.1:{options.Port}: {ex.Message}");
    return 1;
}

await using (simulator)
{
    // The contract line: tools wait for it before sending requests.
    Console.WriteLine($"listening on {simulator.BaseUrl}");
    Console.Out.Flush();
    try
    {
        await Task.Delay(Timeout.Infinite, stop.Token);
    }
    catch (OperationCanceledException)
    {
        // Ctrl+C or SIGTERM: shut down cleanly.
    }

    if (printRequests)
    {
        var requests = new JsonArray([.. simulator.RequestLog.Entries.Select(e => (JsonNode)new JsonObject { ["method"] = e.Method, ["path"] = e.Path, ["status"] = e.Status })]);
        Console.WriteLine(requests.ToJsonString());
    }
}

return 0;
