using Microsoft.Extensions.Hosting;

namespace IssueHygiene.Storage;

/// <summary>
/// Opens and migrates the store when the host starts, so a bad path, corrupt file or unreachable
/// server stops start-up with a clear error instead of failing the first webhook.
/// </summary>
internal sealed class StorageInitializer(IHygieneStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
