using IssueHygiene.Core.Issues;
using IssueHygiene.GitLab.Dtos;
using IssueHygiene.GitLab.Webhooks;

namespace IssueHygiene.GitLab.Mapping;

/// <summary>
/// Builds the Core <see cref="IssueSnapshot"/> from each shape GitLab describes an issue in: the REST
/// issue, the Issue Hook payload and the Note Hook's <c>issue</c>. Pure: no I/O, same input ⇒ same snapshot.
/// </summary>
public static class GitLabIssueMapper
{
    /// <summary>From a REST issue; <paramref name="projectPath"/> defaults to the one in <c>references.full</c>.</summary>
    public static IssueSnapshot ToSnapshot(GitLabIssue issue, string? projectPath = null) => new()
    {
        ProjectId = issue.ProjectId,
        Iid = issue.Iid,
        Id = issue.Id,
        Title = issue.Title,
        Description = issue.Description,
        State = ParseState(issue.State, stateId: null, issue.Iid),
        Labels = [.. issue.Labels],
        Milestone = issue.Milestone is { } m ? ToMilestoneRef(m) : null,
        Assignees = [.. issue.Assignees.Select(a => new UserRef(a.Id, a.Username, a.Name))],
        Author = issue.Author is { } author ? new UserRef(author.Id, author.Username, author.Name) : null,
        CreatedAt = issue.CreatedAt,
        UpdatedAt = issue.UpdatedAt,
        WebUrl = issue.WebUrl,
        ProjectPath = projectPath ?? ProjectPathOf(issue.References?.Full),
        Confidential = issue.Confidential,
        IssueType = issue.IssueType ?? issue.Type?.ToLowerInvariant(),
        UserNotesCount = issue.UserNotesCount,
    };

    /// <summary>A REST milestone as the rules see it.</summary>
    public static MilestoneRef ToMilestoneRef(GitLabMilestone milestone) =>
        new(milestone.Id, milestone.Title, milestone.DueDate, milestone.StartDate, milestone.GroupId, milestone.ProjectId, milestone.State);

    /// <summary>
    /// From an Issue Hook or a work item hook of any type (Core decides which types the rules govern); null for others.
    /// Hooks name the milestone by id only: <paramref name="milestoneLookup"/> resolves it (e.g. from a cached
    /// milestone list); unresolved, the snapshot gets a milestone with that id and an empty title.
    /// </summary>
    public static IssueSnapshot? FromIssueHook(IssueHookPayload payload, Func<long, MilestoneRef?>? milestoneLookup = null)
    {
        if (!payload.IsIssue)
        {
            return null;
        }

        var attributes = payload.ObjectAttributes;
        var labels = payload.Labels ?? attributes.Labels ?? [];
        return FromAttributes(attributes, payload.Project, payload.User, labels, payload.Assignees, milestoneLookup);
    }

    /// <summary>
    /// From the issue a Note Hook carries; null when the note is not on an issue. Note Hooks carry assignee
    /// ids only, so assignees have empty usernames.
    /// </summary>
    public static IssueSnapshot? FromNoteHook(NoteHookPayload payload, Func<long, MilestoneRef?>? milestoneLookup = null)
    {
        if (!payload.IsOnIssue)
        {
            return null;
        }

        var issue = payload.Issue!;
        return FromAttributes(issue, payload.Project, actor: null, issue.Labels ?? [], assignees: null, milestoneLookup);
    }

    private static IssueSnapshot FromAttributes(
        WebhookIssueAttributes attributes,
        WebhookProject project,
        WebhookUser? actor,
        IReadOnlyList<WebhookLabel> labels,
        IReadOnlyList<WebhookUser>? assignees,
        Func<long, MilestoneRef?>? milestoneLookup)
    {
        MilestoneRef? milestone = null;
        if (attributes.MilestoneId is long milestoneId and > 0)
        {
            milestone = milestoneLookup?.Invoke(milestoneId) ?? new MilestoneRef(milestoneId, string.Empty);
        }

        return new IssueSnapshot
        {
            ProjectId = attributes.ProjectId ?? project.Id,
            Iid = attributes.Iid,
            Id = attributes.Id,
            Title = attributes.Title,
            Description = attributes.Description,
            State = ParseState(attributes.State, attributes.StateId, attributes.Iid),
            Labels = [.. labels.Select(l => l.Title)],
            Milestone = milestone,
            Assignees = MapHookAssignees(attributes, assignees),
            Author = attributes.AuthorId is long authorId
                ? new UserRef(authorId, actor?.Id == authorId ? actor.Username : string.Empty, actor?.Id == authorId ? actor.Name : null)
                : null,
            CreatedAt = attributes.CreatedAt,
            UpdatedAt = attributes.UpdatedAt,
            WebUrl = attributes.Url,
            ProjectPath = project.PathWithNamespace,
            Confidential = attributes.Confidential,
            IssueType = attributes.Type?.ToLowerInvariant(),
        };
    }

    // The hook's assignee objects may lack ids (GitLab's own examples do) while object_attributes.assignee_ids
    // has them in the same order: pair them when the counts agree.
    private static List<UserRef> MapHookAssignees(WebhookIssueAttributes attributes, IReadOnlyList<WebhookUser>? assignees)
    {
        var ids = attributes.AssigneeIds
            ?? (attributes.AssigneeId is long single and > 0 ? [single] : []);
        if (assignees is null || assignees.Count == 0)
        {
            return [.. ids.Select(id => new UserRef(id, string.Empty))];
        }

        var pairById = ids.Count == assignees.Count;
        return [.. assignees.Select((a, i) => new UserRef(a.Id ?? (pairById ? ids[i] : 0), a.Username, a.Name))];
    }

    private static IssueState ParseState(string? state, int? stateId, long iid) =>
        state switch
        {
            "opened" or "reopened" => IssueState.Opened,
            "closed" => IssueState.Closed,
            null when stateId == 1 => IssueState.Opened,
            null when stateId == 2 => IssueState.Closed,
            _ => throw new FormatException($"Issue #{iid} has unknown state '{state ?? stateId?.ToString() ?? "(none)"}'."),
        };

    private static string? ProjectPathOf(string? fullReference)
    {
        if (string.IsNullOrEmpty(fullReference))
        {
            return null;
        }

        var hash = fullReference.LastIndexOf('#');
        return hash > 0 ? fullReference[..hash] : null;
    }
}
