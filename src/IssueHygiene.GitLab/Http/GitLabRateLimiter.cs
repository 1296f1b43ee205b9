using IssueHygiene.GitLab.Diagnostics;

namespace IssueHygiene.GitLab.Http;

/// <summary>
/// The one limiter every GitLab caller shares (register a singleton): paces requests per minute and
/// note creations per minute, and holds every caller after a 429 until GitLab's wait is over.
/// Pacing is a GCRA ("virtual scheduling"): each caller reserves the next free slot under a lock, so
/// concurrent callers queue fairly, and no 60-second window ever holds more than the configured count.
/// </summary>
public sealed class GitLabRateLimiter
{
    private readonly Lock _gate = new();
    private readonly Pacer _requests;
    private readonly Pacer _notes;
    private readonly TimeProvider _timeProvider;
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;
    private int _waitingCallers;

    public GitLabRateLimiter(int requestsPerMinute, int notesPerMinute, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(requestsPerMinute, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(notesPerMinute, 1);
        // Requests may burst one second's worth (latency matters for webhooks); notes never burst:
        // GitLab.com's note limit is low and a 429 on a note costs more than a one-second wait.
        _requests = new Pacer(requestsPerMinute, burst: Math.Max(1, requestsPerMinute / 60));
        _notes = new Pacer(notesPerMinute, burst: 1);
        _timeProvider = timeProvider;
    }

    public GitLabRateLimiter(GitLabOptions options, TimeProvider timeProvider)
        : this(ReplicaShare(options.RequestsPerMinute, options.ReplicaCount), ReplicaShare(options.NotesPerMinute, options.ReplicaCount), timeProvider)
    {
    }

    /// <summary>One replica's even share of a fleet-wide per-minute budget (at least 1; rounded down, never over).</summary>
    public static int ReplicaShare(int fleetPerMinute, int replicaCount) => Math.Max(1, fleetPerMinute / Math.Max(1, replicaCount));

    /// <summary>Until when every caller is held because of a 429 (in the past when not paused).</summary>
    public DateTimeOffset PausedUntil
    {
        get
        {
            lock (_gate)
            {
                return _pausedUntil;
            }
        }
    }

    /// <summary>
    /// How many callers are parked on a timer right now. A caller counts only once its timer exists, so a
    /// test on a fake clock can wait for this before advancing time instead of sleeping and hoping.
    /// </summary>
    public int WaitingCallers => Volatile.Read(ref _waitingCallers);

    /// <summary>Holds every caller until <paramref name="until"/> (never shortens a longer pause).</summary>
    public void PauseUntil(DateTimeOffset until)
    {
        lock (_gate)
        {
            if (until > _pausedUntil)
            {
                _pausedUntil = until;
            }
        }
    }

    /// <summary>Waits for a request slot; returns how long it waited.</summary>
    public Task<TimeSpan> AcquireRequestAsync(CancellationToken cancellationToken) => AcquireAsync(noteCreation: false, cancellationToken);

    /// <summary>Waits for a note-creation slot and a request slot; returns how long it waited.</summary>
    public Task<TimeSpan> AcquireNoteCreationAsync(CancellationToken cancellationToken) => AcquireAsync(noteCreation: true, cancellationToken);

    private async Task<TimeSpan> AcquireAsync(bool noteCreation, CancellationToken cancellationToken)
    {
        var started = _timeProvider.GetUtcNow();
        DateTimeOffset allowedAt;
        lock (_gate)
        {
            var earliest = Max(started, _pausedUntil);
            if (noteCreation)
            {
                earliest = _notes.Reserve(earliest);
            }

            allowedAt = _requests.Reserve(earliest);
        }

        var now = started;
        while (true)
        {
            var wait = allowedAt - now;
            if (wait > TimeSpan.Zero)
            {
                // Task.Delay creates its timer before it returns; only then is this caller counted.
                var timer = Task.Delay(wait, _timeProvider, cancellationToken);
                Interlocked.Increment(ref _waitingCallers);
                try
                {
                    await timer;
                }
                finally
                {
                    Interlocked.Decrement(ref _waitingCallers);
                }
            }

            now = _timeProvider.GetUtcNow();
            // A 429 seen by another caller while we waited holds us too.
            var pausedUntil = PausedUntil;
            if (pausedUntil <= now)
            {
                return now - started;
            }

            allowedAt = pausedUntil;
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private sealed class Pacer
    {
        private readonly TimeSpan _interval;
        private readonly TimeSpan _tolerance;
        private DateTimeOffset _theoreticalArrival = DateTimeOffset.MinValue;

        public Pacer(int perMinute, int burst)
        {
            burst = Math.Min(burst, perMinute);
            // burst + (perMinute - burst) evenly spaced slots fill exactly one minute.
            _interval = TimeSpan.FromTicks((TimeSpan.TicksPerMinute + (perMinute - burst)) / (perMinute - burst + 1));
            _tolerance = _interval * (burst - 1);
        }

        public DateTimeOffset Reserve(DateTimeOffset earliest)
        {
            var arrival = _theoreticalArrival > earliest ? _theoreticalArrival : earliest;
            var allowedAt = arrival - _tolerance;
            if (allowedAt < earliest)
            {
                allowedAt = earliest;
            }

            _theoreticalArrival = arrival + _interval;
            return allowedAt;
        }
    }
}
