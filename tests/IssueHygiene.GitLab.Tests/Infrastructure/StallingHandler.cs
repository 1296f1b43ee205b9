namespace IssueHygiene.GitLab.Tests.Infrastructure;

/// <summary>
/// A network handler that stalls the first <c>stalledAttempts</c> requests until they are cancelled
/// (as a hung server would), then passes requests to the real network; counts every request it sees.
/// </summary>
public sealed class StallingHandler(int stalledAttempts) : DelegatingHandler(new SocketsHttpHandler())
{
    private int _requests;

    public int Requests => Volatile.Read(ref _requests);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _requests) <= stalledAttempts)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
