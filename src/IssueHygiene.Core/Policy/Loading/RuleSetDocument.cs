namespace IssueHygiene.Core.Policy.Loading;

/// <summary>
/// A rules file as written: every value still text, with its location, so validation can point at the line.
/// <see cref="RuleSetLoader"/> reads it, <see cref="RuleSetDocumentValidator"/> checks it, then it becomes a
/// <see cref="RuleSet"/>.
/// </summary>
public sealed record RuleSetDocument
{
    public required string File { get; init; }

    public Located<string>? Version { get; init; }

    public Located<string>? TimeZone { get; init; }

    public Located<string>? GracePeriod { get; init; }

    public Located<string>? ExemptionLabel { get; init; }

    public IReadOnlyList<Located<string>> WorkItemTypes { get; init; } = [];

    public Located<string>? HandbookUrl { get; init; }

    public Located<string>? Backlog { get; init; }

    public Located<string>? SprintPattern { get; init; }

    public Located<string>? SprintDateFormat { get; init; }

    public Located<string>? SprintWeekday { get; init; }

    public Located<string>? SprintTitleTemplate { get; init; }

    public Located<string>? PlanAheadWeeks { get; init; }

    public Located<string>? FlowScope { get; init; }

    public Located<string>? FlowTriage { get; init; }

    public Located<string>? FlowBlocked { get; init; }

    public IReadOnlyList<Located<string>> FlowActive { get; init; } = [];

    /// <summary>Flow values as written (<c>Doing</c>, not <c>flow::Doing</c>).</summary>
    public IReadOnlyList<LabelDocument> FlowValues { get; init; } = [];

    public IReadOnlyList<LabelDocument> Types { get; init; } = [];

    public IReadOnlyList<LabelDocument> Stages { get; init; } = [];

    public IReadOnlyList<LabelDocument> Other { get; init; } = [];

    public IReadOnlyList<RuleDocument> Rules { get; init; } = [];

    /// <summary><c>summary.title</c>: the summary issue's title template.</summary>
    public Located<string>? SummaryTitle { get; init; }

    /// <summary><c>summary.markerLabel</c>: the label kept on issues with an error-level finding.</summary>
    public Located<string>? MarkerLabel { get; init; }

    /// <summary>The <c>mergeRequests</c> section; null when not written.</summary>
    public MergeRequestDocument? MergeRequests { get; init; }

    /// <summary>Where the document starts (for errors about something missing).</summary>
    public SourceLocation Start { get; init; }
}

/// <summary>A label entry as written.</summary>
public sealed record LabelDocument(
    Located<string> Name,
    Located<string>? Description,
    Located<string>? Color,
    Located<string>? Unused,
    IReadOnlyList<Located<string>> Previously);

/// <summary>A rule entry as written: <c>rules: { rule-id: { severity, action, ...parameters } }</c>.</summary>
public sealed record RuleDocument(
    Located<string> Id,
    Located<string>? Severity,
    Located<string>? Action,
    IReadOnlyList<(Located<string> Name, Located<string> Value)> Parameters);
