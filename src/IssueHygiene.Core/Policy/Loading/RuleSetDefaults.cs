namespace IssueHygiene.Core.Policy.Loading;

/// <summary>
/// What a rules file may leave out: the definitions of docs/architecture.md §3 (the handbook's). <c>rules/handbook.yml</c> spells
/// all of them out, with the handbook's descriptions; these keep a minimal file working.
/// </summary>
public static class RuleSetDefaults
{
    public const string TimeZone = "UTC";
    public const string GracePeriod = "1h";
    public const string ExemptionLabel = "hygiene::ignore";
    public const string Backlog = "Backlog";
    public const string SprintPattern = @"(?<date>\d{4}-\d{2}-\d{2})";
    public const string SprintDateFormat = "yyyy-MM-dd";
    public const string SprintWeekday = "Friday";
    public const string SprintTitleTemplate = "{date}";
    public const int PlanAheadWeeks = 6;
    public const string FlowScope = "flow";
    public const string FlowTriage = "Triage";
    public const string FlowBlocked = "Blocked";

    /// <summary>The work items the handbook's issue rules are about: issues and incidents.</summary>
    public static IReadOnlyList<string> WorkItemTypes { get; } = ["issue", "incident"];

    internal static IReadOnlySet<string> WorkItemTypeSet { get; } = WorkItemTypes.ToHashSet(StringComparer.Ordinal);

    /// <summary>Every work item type GitLab has (what <c>workItemTypes</c> may name).</summary>
    public static IReadOnlyList<string> KnownWorkItemTypes { get; } =
        ["issue", "incident", "task", "epic", "test_case", "requirement", "objective", "key_result", "ticket"];

    public static IReadOnlyList<string> FlowValues { get; } = ["Triage", "To Do", "Doing", "Blocked", "Review"];

    public static IReadOnlyList<string> FlowActive { get; } = ["To Do", "Doing", "Review"];

    public static IReadOnlyList<string> Types { get; } = ["Bug", "Feature Request", "Discussion", "Exploration", "Community Support"];

    public static IReadOnlyList<string> Stages { get; } = ["Model", "Extract", "Load", "Transform", "Analyze", "Notebook", "Orchestrate"];

    public static IReadOnlyList<string> UnusedStages { get; } = ["Notebook"];
}
