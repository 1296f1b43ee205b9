namespace IssueHygiene.GitLabSimulator;

/// <summary>Initial values of <see cref="SimulatorKnobs"/>.</summary>
public sealed record SimulatorKnobsSettings
{
    public TimeSpan Latency { get; init; } = TimeSpan.Zero;

    /// <summary>Authenticated API requests per minute per token; null means unlimited (no RateLimit headers).</summary>
    public int? RequestsPerMinute { get; init; }

    /// <summary>Note creations per minute per user (GitLab.com: 60); null means unlimited.</summary>
    public int? NotesPerMinute { get; init; }

    /// <summary>Fraction (0..1) of API requests that fail with one of <see cref="FaultKinds"/>.</summary>
    public double FaultRate { get; init; }

    public FaultKinds FaultKinds { get; init; } = FaultKinds.All;

    /// <summary>How long a "hang" fault keeps the request open (longer than any sane client timeout).</summary>
    public TimeSpan HangDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Paid-tier scoped-label exclusivity (<c>flow::Doing</c> replaces <c>flow::Review</c>); off on Free.</summary>
    public bool ScopedLabelExclusivity { get; init; } = true;
}
