using IssueHygiene.Core.MergeRequests;
using IssueHygiene.Core.Policy;

namespace IssueHygiene.Core.Rules;

/// <summary>The one visible list of rules: their descriptors (ids are a contract) and how each is built.</summary>
public static class RuleCatalog
{
    private static readonly (RuleDescriptor Descriptor, Func<RuleSettings, RuleSet, HygieneRule> Create)[] IssueRules =
    [
        (MilestoneRequiredRule.Definition, (s, r) => new MilestoneRequiredRule(s, r)),
        (FlowLabelRequiredRule.Definition, (s, r) => new FlowLabelRequiredRule(s, r)),
        (FlowLabelSingleRule.Definition, (s, _) => new FlowLabelSingleRule(s)),
        (FlowLabelKnownRule.Definition, (s, r) => new FlowLabelKnownRule(s, r)),
        (TypeLabelRule.Definition, (s, r) => new TypeLabelRule(s, r)),
        (StageLabelRule.Definition, (s, r) => new StageLabelRule(s, r)),
        (StageLabelUnusedRule.Definition, (s, _) => new StageLabelUnusedRule(s)),
        (TriagedNeedsAssigneeRule.Definition, (s, _) => new TriagedNeedsAssigneeRule(s)),
        (TriagedNeedsMilestoneRule.Definition, (s, _) => new TriagedNeedsMilestoneRule(s)),
        (SprintOverdueRule.Definition, (s, r) => new SprintOverdueRule(s, r)),
        (LabelDocumentedRule.Definition, (s, _) => new LabelDocumentedRule(s)),
        (SecretLeakRule.Definition, (s, _) => new SecretLeakRule(s)),
    ];

    private static readonly (RuleDescriptor Descriptor, Func<RuleSettings, MergeRequestPolicy, MergeRequestRule> Create)[] MergeRequestRules =
    [
        (MergeRequestReviewerRequiredRule.Definition, (s, p) => new MergeRequestReviewerRequiredRule(s, p)),
        (MergeRequestSelfMergedRule.Definition, (s, p) => new MergeRequestSelfMergedRule(s, p)),
        (MergeRequestCommunityExpertMergeRule.Definition, (s, p) => new MergeRequestCommunityExpertMergeRule(s, p)),
    ];

    /// <summary>Every rule the rules file may configure, issue-level first, in evaluation order.</summary>
    public static IReadOnlyList<RuleDescriptor> All { get; } =
        [.. IssueRules.Select(r => r.Descriptor), .. MilestoneRules.All, .. MergeRequestRules.Select(r => r.Descriptor)];

    public static RuleDescriptor? Find(string id) => All.FirstOrDefault(d => d.Id == id);

    /// <summary>The issue-level rules enabled by <paramref name="rules"/> (action not off), in catalog order.</summary>
    public static IReadOnlyList<HygieneRule> CreateIssueRules(RuleSet rules) =>
        [.. IssueRules
            .Select(r => (r.Create, Settings: rules.SettingsFor(r.Descriptor.Id)))
            .Where(r => r.Settings.Action != RuleAction.Off)
            .Select(r => r.Create(r.Settings, rules).Cite(rules))];

    /// <summary>The merge-request rules enabled by <paramref name="rules"/> (action not off), in catalog order.</summary>
    public static IReadOnlyList<MergeRequestRule> CreateMergeRequestRules(RuleSet rules) =>
        [.. MergeRequestRules
            .Select(r => (r.Create, Settings: rules.SettingsFor(r.Descriptor.Id)))
            .Where(r => r.Settings.Action != RuleAction.Off)
            .Select(r => r.Create(r.Settings, rules.MergeRequests))];

    /// <summary>The settings a rule has when the rules file does not mention it.</summary>
    public static RuleSettings DefaultSettings(RuleDescriptor descriptor) => new()
    {
        RuleId = descriptor.Id,
        Severity = descriptor.DefaultSeverity,
        Action = descriptor.DefaultAction,
    };
}
