using System.Globalization;

namespace IssueHygiene.Core.Actuation;

/// <summary>
/// A typed change to an issue's fields, planned in Core and sent by the Actuator as GitLab's REST issue update
/// (<c>PUT /projects/:id/issues/:iid</c>). Null members are left unchanged. It carries the exact values written, so a
/// dry run shows precisely what a live run sends.
/// </summary>
public sealed record IssueChange
{
    /// <summary>Labels to add (only names that exist: GitLab's <c>add_labels</c> silently creates unknown ones).</summary>
    public IReadOnlyList<string> AddLabels { get; init; } = [];

    public IReadOnlyList<string> RemoveLabels { get; init; } = [];

    /// <summary>The complete label list (GitLab's <c>labels</c>, e.g. of an issue created); null leaves labels to the add/remove lists.</summary>
    public IReadOnlyList<string>? Labels { get; init; }

    /// <summary>The milestone's global id; 0 removes the milestone.</summary>
    public long? MilestoneId { get; init; }

    public bool? Confidential { get; init; }

    /// <summary>The new title (e.g. with a leaked credential redacted).</summary>
    public string? Title { get; init; }

    /// <summary>The new description (e.g. with a leaked credential redacted).</summary>
    public string? Description { get; init; }

    /// <summary>True when the change replaces text a person may have edited since the snapshot: it needs current state.</summary>
    public bool ReplacesText => Title is not null || Description is not null;

    public bool IsEmpty =>
        AddLabels.Count == 0 && RemoveLabels.Count == 0 && Labels is null && MilestoneId is null && Confidential is null && Title is null && Description is null;

    /// <summary>The change as GitLab's REST parameter names and values (reports and audit show these).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields()
    {
        var fields = new List<KeyValuePair<string, string>>();
        if (Confidential is { } confidential)
        {
            fields.Add(new("confidential", confidential ? "true" : "false"));
        }

        if (Title is { } title)
        {
            fields.Add(new("title", title));
        }

        if (Description is { } description)
        {
            fields.Add(new("description", description));
        }

        if (Labels is { } labels)
        {
            fields.Add(new("labels", string.Join(',', labels)));
        }

        if (MilestoneId is { } milestone)
        {
            fields.Add(new("milestone_id", milestone.ToString(CultureInfo.InvariantCulture)));
        }

        if (AddLabels.Count > 0)
        {
            fields.Add(new("add_labels", string.Join(',', AddLabels)));
        }

        if (RemoveLabels.Count > 0)
        {
            fields.Add(new("remove_labels", string.Join(',', RemoveLabels)));
        }

        return fields;
    }
}
