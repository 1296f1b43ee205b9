namespace IssueHygiene.Webhooks;

/// <summary>
/// At most <c>limit</c> log lines per window for one kind of event (a flood of bad requests must not flood the log);
/// the first line of the next window says how many were left out.
/// </summary>
public sealed class LogRateLimit(TimeProvider time, TimeSpan window, int limit)
{
    private readonly Lock _gate = new();
    private DateTimeOffset _windowStart = DateTimeOffset.MinValue;
    private int _logged;
    private long _suppressed;

    /// <summary>Whether to log this one; <paramref name="suppressed"/> is how many were left out before it.</summary>
    public bool ShouldLog(out long suppressed)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (now - _windowStart >= window)
            {
                _windowStart = now;
                _logged = 0;
            }

            if (_logged < limit)
            {
                _logged++;
                suppressed = _suppressed;
                _suppressed = 0;
                return true;
            }

            _suppressed++;
            suppressed = 0;
            return false;
        }
    }
}
