using System.CommandLine;
using IssueHygiene.Hosting;
using IssueHygiene.Serving;

namespace IssueHygiene.Cli;

/// <summary>
/// <c>serve [--urls URLS] [--rules FILE]</c>: runs the webhook receiver, the lint worker and the nightly schedule until
/// stopped (Ctrl+C or SIGTERM: in-flight claims are finished or released). Bad configuration exits 2 with one line.
/// </summary>
public static class ServeCommand
{
    public static Command Create(CliApp app)
    {
        var urls = new Option<string?>("--urls") { Description = "Where to listen, e.g. http://127.0.0.1:8080 (default: Urls or ASPNETCORE_URLS)." };
        var rules = new Option<string?>("--rules") { Description = "The rules file (default: Rules:Path, else rules/handbook.yml)." };
        var command = new Command("serve", "Receive GitLab webhooks and keep issues tidy as they change; sweep on the schedule.") { urls, rules };
        command.SetAction((parse, cancellationToken) => OnlineRuntime.GuardAsync(app, async () =>
        {
            var settings = new ServeSettings
            {
                ConfigurationOverrides = app.ConfigurationOverrides,
                Urls = parse.GetValue(urls),
                RulesPath = parse.GetValue(rules),
                Time = app.Time,
            };
            await using var host = ServeHost.Build(settings);
            try
            {
                await host.StartAsync(cancellationToken);
            }
            catch (IOException e) when (e.InnerException is System.Net.Sockets.SocketException || e.Message.Contains("address", StringComparison.OrdinalIgnoreCase))
            {
                throw new UsageException($"cannot listen: {e.Message}");
            }

            await host.WaitForShutdownAsync(cancellationToken);
            await host.StopAsync(CancellationToken.None);
            return ExitCodes.Clean;
        }));
        return command;
    }
}
