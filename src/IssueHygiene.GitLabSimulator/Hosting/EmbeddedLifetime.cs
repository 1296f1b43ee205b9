using Microsoft.Extensions.Hosting;

namespace IssueHygiene.GitLabSimulator.Hosting;

/// <summary>
/// Replaces the console lifetime: a simulator embedded in a test run or a service must not take
/// over Ctrl+C and SIGTERM. Process mode handles its signals itself (Program.cs).
/// </summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
