namespace IssueHygiene.Core.Policy;

/// <summary>The rules file's <c>summary</c> section: what the per-scope summary issue is called, and the marker label.</summary>
public sealed record SummaryPolicy
{
    public const string DefaultTitleTemplate = "Issue hygiene: {scope}";

    /// <summary>The summary issue's title; <c>{scope}</c> becomes the scope (group or project path).</summary>
    public string TitleTemplate { get; init; } = DefaultTitleTemplate;

    /// <summary>
    /// A label kept on every issue with an error-level finding and removed once it is clean (e.g.
    /// <c>hygiene::needs-attention</c>), so boards can filter; null (the default) for none.
    /// </summary>
    public string? MarkerLabel { get; init; }

    public string TitleFor(string scope) => TitleTemplate.Replace("{scope}", scope, StringComparison.Ordinal);
}
