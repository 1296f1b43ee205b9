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

    /// <summary>
    /// The work item types the hygiene rules govern (GitLab's <c>issue_type</c>, lower case): by default <c>issue</c>
    /// and <c>incident</c>. Tasks, epics, test cases, requirements, objectives and key results are skipped on every path.
    /// </summary>
    public IReadOnlySet<string> WorkItemTypes { get; init; } = Loading.RuleSetDefaults.WorkItemTypeSet;

    /// <summary>Where the handbook lives, for links in help texts (a section anchor is appended); null: no links.</summary>
    public Uri? HandbookUrl { get; init; }

    public required MilestonePolicy Milestones { get; init; }

    public required LabelTaxonomy Labels { get; init; }

    /// <summary>What is trivial and who the experts are, for the merge-request rules.</summary>
    public MergeRequestPolicy MergeRequests { get; init; } = MergeRequestPolicy.Default;

    /// <summary>Settings of every rule, by id; a rule the file does not mention keeps its defaults.</summary>
    public required IReadOnlyDictionary<string, RuleSettings> Rules { get; init; }

    /// <summary>The summary issue's title and the optional marker label.</summary>
    public SummaryPolicy Summary { get; init; } = new();

    public RuleSettings SettingsFor(string ruleId) => Rules[ruleId];

    /// <summary>
    /// True when the rules govern a work item of this type. An item whose type is not known (older GitLab, a
    /// hand-written file) is an issue. GitLab spells types <c>issue</c> in REST and <c>Issue</c> in hooks.
    /// </summary>
    public bool Governs(string? workItemType) =>
        workItemType is null || WorkItemTypes.Contains(workItemType.Trim().Replace(' ', '_').ToLowerInvariant());
}
