using IssueHygiene.Core.MergeRequests;

namespace IssueHygiene.Core.Policy;

/// <summary>A loaded, validated policy: everything the rules are parameterised by.</summary>
public sealed record RuleSet
{
    /// <summary>Where it was loaded from (for messages).</summary>
    public string Source { get; init; } = string.Empty;

    /// <summary>"Today" is <c>now</c> in this zone: sprint dates are local calendar dates.</summary>
    public required TimeZoneInfo TimeZone { get; init; }

    /// <summary>New issues are left alone this long, so their author can finish triaging them.</summary>
    public required TimeSpan GracePeriod { get; init; }

    /// <summary>Issues carrying this label are never evaluated.</summary>
    public required string ExemptionLabel { get; init; }

    public required MilestonePolicy Milestones { get; init; }

    public required LabelTaxonomy Labels { get; init; }

    /// <summary>What is trivial and who the experts are, for the merge-request rules.</summary>
    public MergeRequestPolicy MergeRequests { get; init; } = MergeRequestPolicy.Default;

    /// <summary>Settings of every rule, by id; a rule the file does not mention keeps its defaults.</summary>
    public required IReadOnlyDictionary<string, RuleSettings> Rules { get; init; }

    /// <summary>The summary issue's title and the optional marker label.</summary>
    public SummaryPolicy Summary { get; init; } = new();

    public RuleSettings SettingsFor(string ruleId) => Rules[ruleId];
}
