using IssueHygiene.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // First Ctrl+C stops gracefully (claims released, checkpoint kept); a second one kills.
    e.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
};

var app = new CliApp(Console.Out, Console.Error, TimeProvider.System)
{
    Interactive = !Console.IsErrorRedirected,
};
return await app.RunAsync(args, cancellation.Token);
