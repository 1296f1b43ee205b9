using IssueHygiene.GitLabSimulator.Model;
using IssueHygiene.GitLabSimulator.State;

namespace IssueHygiene.GitLabSimulator.Api;

/// <summary>Parses the list filters GitLab documents for issues; an invalid value is a Grape-style 400.</summary>
internal static class IssueQueryReader
{
    public static (IssueQuery? Query, string? Error) Read(RequestParameters p, SimulatorStore store, SimUser viewer, IReadOnlySet<long> projectIds)
    {
        if (p.Get("state") is { } state && state is not ("all" or "opened" or "closed"))
        {
            return (null, "state does not have a valid value");
        }

        bool? opened = p.Get("state") switch
        {
            "opened" => true,
            "closed" => false,
            _ => null,
        };

        var labels = p.CommaList("labels");
        var labelsMode = labels.Count switch
        {
            0 => FilterMode.Unset,
            1 when labels[0].Equals("None", StringComparison.OrdinalIgnoreCase) => FilterMode.None,
            1 when labels[0].Equals("Any", StringComparison.OrdinalIgnoreCase) => FilterMode.Any,
            _ => FilterMode.Value,
        };

        var milestoneMode = FilterMode.Unset;
        string? milestoneTitle = null;
        if (p.Get("milestone_id") is { } milestoneId)
        {
            milestoneMode = Special(milestoneId);
            if (milestoneMode == FilterMode.Value)
            {
                return (null, "milestone_id does not have a valid value");
            }
        }
        else if (p.Get("milestone") is { } milestone)
        {
            milestoneMode = Special(milestone);
            milestoneTitle = milestone;
        }

        var assigneeMode = FilterMode.Unset;
        long? assigneeId = null;
        if (p.Get("assignee_id") is { } assignee)
        {
            assigneeMode = Special(assignee);
            if (assigneeMode == FilterMode.Value)
            {
                if (!long.TryParse(assignee, out var id))
                {
                    return (null, "assignee_id is invalid");
                }

                assigneeId = id;
            }
            else if (assigneeMode is not (FilterMode.None or FilterMode.Any))
            {
                return (null, "assignee_id is invalid");
            }
        }
        else if (p.Get("assignee_username") is { } username)
        {
            assigneeMode = FilterMode.Value;
            assigneeId = store.UsersByUsername.GetValueOrDefault(username)?.Id ?? -1;
        }

        IssueOrder? order = p.Get("order_by") switch
        {
            null or "created_at" => IssueOrder.CreatedAt,
            "updated_at" => IssueOrder.UpdatedAt,
            "title" => IssueOrder.Title,
            "id" => IssueOrder.Id,
            _ => null,
        };
        if (order is null)
        {
            return (null, "order_by does not have a valid value");
        }

        if (p.Get("sort") is { } sort && sort is not ("asc" or "desc"))
        {
            return (null, "sort does not have a valid value");
        }

        var dates = new Dictionary<string, DateTimeOffset?>();
        foreach (var name in new[] { "updated_after", "updated_before", "created_after", "created_before" })
        {
            if (p.Get(name) is { } text)
            {
                if (!GitLabTime.TryParse(text, out var value))
                {
                    return (null, $"{name} is invalid");
                }

                dates[name] = value;
            }
        }

        var iids = p.All("iids").Select(v => long.TryParse(v, out var n) ? n : -1).ToHashSet();
        return (new IssueQuery
        {
            ProjectIds = projectIds,
            Viewer = viewer,
            Opened = opened,
            Labels = labels,
            LabelsMode = labelsMode,
            NotLabels = p.CommaList("not[labels]"),
            MilestoneMode = milestoneMode,
            MilestoneTitle = milestoneTitle,
            AssigneeMode = assigneeMode,
            AssigneeId = assigneeId,
            AuthorId = p.Long("author_id"),
            UpdatedAfter = dates.GetValueOrDefault("updated_after"),
            UpdatedBefore = dates.GetValueOrDefault("updated_before"),
            CreatedAfter = dates.GetValueOrDefault("created_after"),
            CreatedBefore = dates.GetValueOrDefault("created_before"),
            Iids = iids.Count > 0 ? iids : null,
            Search = p.Get("search") is { Length: > 0 } search ? search : null,
            Confidential = p.Bool("confidential"),
            OrderBy = order.Value,
            Ascending = p.Get("sort") == "asc",
        }, null);
    }

    private static FilterMode Special(string value) => value switch
    {
        _ when value.Equals("None", StringComparison.OrdinalIgnoreCase) => FilterMode.None,
        _ when value.Equals("Any", StringComparison.OrdinalIgnoreCase) => FilterMode.Any,
        _ when value.Equals("Upcoming", StringComparison.OrdinalIgnoreCase) => FilterMode.Upcoming,
        _ when value.Equals("Started", StringComparison.OrdinalIgnoreCase) => FilterMode.Started,
        _ => FilterMode.Value,
    };
}
