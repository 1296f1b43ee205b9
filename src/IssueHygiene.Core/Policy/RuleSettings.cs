namespace IssueHygiene.Core.Policy;

/// <summary>One rule as the rules file configures it: severity, action and parameters (data, not logic).</summary>
public sealed record RuleSettings
{
    public required string RuleId { get; init; }

    public required Severity Severity { get; init; }

    public required RuleAction Action { get; init; }

    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    public SourceLocation Location { get; init; } = SourceLocation.None;

    public string? Parameter(string name) => Parameters.TryGetValue(name, out var value) ? value : null;
}
