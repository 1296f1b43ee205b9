namespace IssueHygiene.Core.Taxonomy;

/// <summary>
/// The handbook's wording for each label it documents ("Issue tracker best practices", Labels), used by
/// <c>labels sync</c> when a rules file names a label without a description. Kept equal to
/// <c>rules/handbook.yml</c> (a test checks it).
/// </summary>
public static class HandbookLabelDescriptions
{
    private static readonly Dictionary<string, string> ByName = new(StringComparer.Ordinal)
    {
        ["flow::Triage"] = "On our mind for this milestone, but likely to be moved to a subsequent week. If there's room in the week in question, can be moved to flow::To Do",
        ["flow::To Do"] = "Something we intend to do during the week in question",
        ["flow::Doing"] = "Currently being worked on",
        ["flow::Blocked"] = "Blocked by some other issue",
        ["flow::Review"] = "Currently in review",
        ["Bug"] = "Something is broken",
        ["Feature Request"] = "Something new we could build",
        ["Discussion"] = "Something to talk about before deciding",
        ["Exploration"] = "Something to research or try out",
        ["Community Support"] = "A community member asking for help",
        ["Model"] = "Stage label (M of meltano)",
        ["Extract"] = "Stage label (E of meltano)",
        ["Load"] = "Stage label (L of meltano)",
        ["Transform"] = "Stage label (T of meltano)",
        ["Analyze"] = "Stage label (A of meltano)",
        ["Notebook"] = "Stage label (N of meltano), currently unused",
        ["Orchestrate"] = "Stage label (O of meltano)",
        ["Singer Ecosystem"] = "General Singer related issues",
        ["MeltanoHub - Singer"] = "Singer related issues concerning MeltanoHub",
        ["Singer SDK"] = "Singer related issues concerning the Singer SDK",
        ["CLI"] = "Issues specifically concerning the CLI",
        ["UI"] = "Issues specifically concerning the UI",
        ["Documentation"] = "New or updated documentation",
        ["Accepting Merge Requests"] = "Issues that are ready to be picked up by a community contributor",
        ["Integrations"] = "Issues relating to integrations with other open source data tools, typically as plugins",
        ["Configuration"] = "Issues relating to configuration",
        ["Plugin Management"] = "Issues relating to plugin management",
    };

    /// <summary>Every label the handbook describes, by full name.</summary>
    public static IReadOnlyDictionary<string, string> All => ByName;

    public static string? For(string labelName) => ByName.GetValueOrDefault(labelName);
}
