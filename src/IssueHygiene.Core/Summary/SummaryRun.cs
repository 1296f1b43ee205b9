using IssueHygiene.Core.Reporting;

namespace IssueHygiene.Core.Summary;

/// <summary>What a summary issue describes: one scope's run, its report and how it compares with the run before.</summary>
public sealed record SummaryRun
{
    /// <summary>The scope (group or project path) the summary issue belongs to.</summary>
    public required string Scope { get; init; }

    public required DateTimeOffset FinishedAt { get; init; }

    public required HygieneReport Report { get; init; }

    /// <summary>Where the full report artifact is (linked when lists are cut); null when unknown.</summary>
    public string? ReportUrl { get; init; }
}
