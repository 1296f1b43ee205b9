namespace IssueHygiene.GitLabSimulator;

/// <summary>
/// Run-time switches a test may flip while requests are in flight. Each property is read once per
/// request, so a change applies from the next request on.
/// </summary>
public sealed class SimulatorKnobs
{
    private readonly Lock _gate = new();
    private Random _faultRandom;
    private long _latencyTicks;
    private int? _requestsPerMinute;
    private int? _notesPerMinute;
    private double _faultRate;
    private FaultKinds _faultKinds;
    private long _hangTicks;
    private bool _scopedLabelExclusivity;

    internal SimulatorKnobs(SimulatorKnobsSettings settings, int seed)
    {
        _faultRandom = new Random(seed);
        _latencyTicks = settings.Latency.Ticks;
        _requestsPerMinute = settings.RequestsPerMinute;
        _notesPerMinute = settings.NotesPerMinute;
        _faultRate = settings.FaultRate;
        _faultKinds = settings.FaultKinds;
        _hangTicks = settings.HangDuration.Ticks;
        _scopedLabelExclusivity = settings.ScopedLabelExclusivity;
    }

    public TimeSpan Latency
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _latencyTicks));
        set => Interlocked.Exchange(ref _latencyTicks, value.Ticks);
    }

    public int? RequestsPerMinute
    {
        get { lock (_gate) { return _requestsPerMinute; } }
        set { lock (_gate) { _requestsPerMinute = value; } }
    }

    public int? NotesPerMinute
    {
        get { lock (_gate) { return _notesPerMinute; } }
        set { lock (_gate) { _notesPerMinute = value; } }
    }

    public double FaultRate
    {
        get { lock (_gate) { return _faultRate; } }
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 0);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 1);
            lock (_gate) { _faultRate = value; }
        }
    }

    public FaultKinds FaultKinds
    {
        get { lock (_gate) { return _faultKinds; } }
        set { lock (_gate) { _faultKinds = value; } }
    }

    public TimeSpan HangDuration
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _hangTicks));
        set => Interlocked.Exchange(ref _hangTicks, value.Ticks);
    }

    public bool ScopedLabelExclusivity
    {
        get { lock (_gate) { return _scopedLabelExclusivity; } }
        set { lock (_gate) { _scopedLabelExclusivity = value; } }
    }

    /// <summary>Restarts the fault sequence, so a run can be replayed exactly.</summary>
    public void ResetFaultSequence(int seed)
    {
        lock (_gate) { _faultRandom = new Random(seed); }
    }

    /// <summary>
    /// One draw per API request, in arrival order: the same seed and the same request sequence give
    /// the same faults.
    /// </summary>
    internal FaultKinds NextFault()
    {
        lock (_gate)
        {
            if (_faultRate <= 0 || _faultKinds == FaultKinds.None)
            {
                return FaultKinds.None;
            }

            var roll = _faultRandom.NextDouble();
            var pick = _faultRandom.Next(int.MaxValue);
            if (roll >= _faultRate)
            {
                return FaultKinds.None;
            }

            var kinds = Enum.GetValues<FaultKinds>()
                .Where(k => k is not FaultKinds.None and not FaultKinds.ServerErrors and not FaultKinds.All && _faultKinds.HasFlag(k))
                .ToArray();
            return kinds[pick % kinds.Length];
        }
    }
}
