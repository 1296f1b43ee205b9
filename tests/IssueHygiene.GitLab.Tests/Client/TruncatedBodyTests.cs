using System.Net;
using System.Net.Sockets;
using System.Text;
using IssueHygiene.GitLab.Diagnostics;
using IssueHygiene.GitLab.Errors;
using IssueHygiene.GitLab.Http;

namespace IssueHygiene.GitLab.Tests.Client;

/// <summary>
/// A connection that dies mid-body (fewer bytes than Content-Length): WireMock cannot do that, so a
/// raw loopback socket plays GitLab. The client must fail clearly, after its retries, and not hang.
/// </summary>
public sealed class TruncatedBodyTests
{
    [Fact]
    public async Task GetCurrentUserAsync_ConnectionClosedMidBody_FailsWithTransportErrorAfterRetries()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var connections = 0;
        var server = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var socket = await listener.AcceptSocketAsync(stop.Token);
                Interlocked.Increment(ref connections);
                var buffer = new byte[8192];
                await socket.ReceiveAsync(buffer, stop.Token);
                var answer = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\nConnection: close\r\n\r\n{\"id\": 7, \"user";
                await socket.SendAsync(Encoding.ASCII.GetBytes(answer), stop.Token);
                socket.Shutdown(SocketShutdown.Both);
            }
        });

        var options = new GitLabOptions
        {
            BaseUrl = $"http://127.0.0.1:{port}", Token = "t", MaxRetries = 2,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1), Timeout = TimeSpan.FromSeconds(5),
        };
        var statistics = new GitLabCallStatistics();
        using var client = GitLabClient.Create(options, new GitLabRateLimiter(options, TimeProvider.System), statistics, TimeProvider.System);

        var ex = await Assert.ThrowsAsync<GitLabTransportException>(() => client.GetCurrentUserAsync(stop.Token));

        Assert.Contains("GET /user", ex.Message, StringComparison.Ordinal);
        Assert.Equal(3, Volatile.Read(ref connections));
        Assert.Equal(3, statistics.Snapshot().CountOf("GET /user", 0));
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => server);
    }
}
