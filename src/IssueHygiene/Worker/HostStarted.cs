namespace IssueHygiene.Worker;

/// <summary>
/// Background work waits for <see cref="IHostApplicationLifetime.ApplicationStarted"/>: the generic host starts hosted
/// services before the web server, so without this a worker could call GitLab or claim deliveries before (or without)
/// the HTTP port ever being bound.
/// </summary>
public static class HostStarted
{
    /// <summary>True once the host has started; false when stopping comes first.</summary>
    public static async Task<bool> WaitAsync(IHostApplicationLifetime lifetime, CancellationToken stoppingToken)
    {
        if (lifetime.ApplicationStarted.IsCancellationRequested)
        {
            return true;
        }

        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
