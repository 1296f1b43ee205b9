namespace IssueHygiene.GitLabSimulator.Seeding;

/// <summary>The labels the team handbook documents ("Issue tracker best practices").</summary>
public static class HandbookTaxonomy
{
    public static IReadOnlyList<string> FlowValues { get; } = ["Triage", "To Do", "Doing", "Blocked", "Review"];

    public static IReadOnlyList<string> ActiveFlowValues { get; } = ["To Do", "Doing", "Review"];

    public static IReadOnlyList<string> Types { get; } = ["Bug", "Feature Request", "Discussion", "Exploration", "Community Support"];

    public static IReadOnlyList<string> Stages { get; } = ["Model", "Extract", "Load", "Transform", "Analyze", "Notebook", "Orchestrate"];

    public static IReadOnlyList<string> Others { get; } =
    [
        "Singer Ecosystem", "MeltanoHub - Singer", "Singer SDK", "CLI", "UI", "Documentation",
        "Accepting Merge Requests", "Integrations", "Configuration", "Plugin Management",
    ];

    /// <summary>Labels found on real trackers that the handbook does not document (project labels here).</summary>
    public static IReadOnlyList<string> Undocumented { get; } = ["flow::doing", "flow::In Progress", "needs-info", "wontfix", "good first issue"];

    public static string Flow(string value) => "flow::" + value;
}
