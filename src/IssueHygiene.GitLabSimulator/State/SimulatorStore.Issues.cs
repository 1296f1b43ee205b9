using IssueHygiene.GitLabSimulator.Model;

namespace IssueHygiene.GitLabSimulator.State;

/// <summary>Applying edits to issues the way GitLab's IssuableBaseService does.</summary>
internal sealed partial class SimulatorStore
{
    /// <summary>
    /// Applies <paramref name="edit"/>; returns null when nothing actually changed (GitLab then
    /// neither bumps <c>updated_at</c> nor fires a hook).
    /// </summary>
    public IssueChange? ApplyEdit(SimIssue issue, IssueEdit edit, SimUser actor)
    {
        var before = IssueMemento.Of(issue);
        var now = Now;

        if (edit.Title is { } title)
        {
            issue.Title = title;
        }

        if (edit.DescriptionSet)
        {
            issue.Description = edit.Description;
        }

        issue.LabelIds = ComputeLabels(issue, edit);

        if (edit.MilestoneSet)
        {
            issue.MilestoneId = edit.MilestoneId;
        }

        var assignees = edit.ReplaceAssigneeIds?.ToList() ?? [.. issue.AssigneeIds];
        if (edit.RemoveAllAssignees)
        {
            assignees.Clear();
        }

        assignees.AddRange(edit.AddAssigneeIds.Where(id => !assignees.Contains(id)));
        assignees.RemoveAll(edit.RemoveAssigneeIds.Contains);
        issue.AssigneeIds = [.. assignees.Distinct()];

        if (edit.Confidential is { } confidential)
        {
            issue.Confidential = confidential;
        }

        if (edit.DueDateSet)
        {
            issue.DueDate = edit.DueDate;
        }

        var action = "update";
        if (edit.StateEvent == IssueStateEvent.Close && issue.IsOpen)
        {
            issue.IsOpen = false;
            issue.ClosedAt = now;
            issue.ClosedById = actor.Id;
            action = "close";
        }
        else if (edit.StateEvent == IssueStateEvent.Reopen && !issue.IsOpen)
        {
            issue.IsOpen = true;
            issue.ClosedAt = null;
            issue.ClosedById = null;
            action = "reopen";
        }

        if (!HasChanged(before, issue))
        {
            return null;
        }

        if (before.Title != issue.Title)
        {
            TitleChanged();
        }

        if (before.Title != issue.Title || before.Description != issue.Description)
        {
            issue.LastEditedAt = now;
            issue.LastEditedById = actor.Id;
        }

        issue.UpdatedById = actor.Id;
        Touch(issue, now);
        AddSystemNotes(issue, before, actor, now);
        return new IssueChange(issue, before, action, actor);
    }

    /// <summary>
    /// Replace, then add, then remove (GitLab's order). With scoped exclusivity on, a label added
    /// to a scope evicts the other labels of that scope; of several added to one scope, the last wins.
    /// </summary>
    private List<long> ComputeLabels(SimIssue issue, IssueEdit edit)
    {
        var labels = edit.RemoveAllLabels ? [] : edit.ReplaceLabelIds?.Distinct().ToList() ?? [.. issue.LabelIds];
        var added = labels.Where(id => !issue.LabelIds.Contains(id)).ToList();
        foreach (var id in edit.AddLabelIds)
        {
            if (!labels.Contains(id))
            {
                labels.Add(id);
            }

            added.Remove(id);
            added.Add(id);
        }

        labels.RemoveAll(edit.RemoveLabelIds.Contains);
        added.RemoveAll(edit.RemoveLabelIds.Contains);

        if (ScopedLabelExclusivity())
        {
            // Walk the added labels newest first: the newest label of a scope evicts the others.
            var keptScopes = new HashSet<string>(StringComparer.Ordinal);
            foreach (var id in Enumerable.Reverse(added))
            {
                if (LabelById(id) is { } label && ScopeOf(label.Title) is { } scope && keptScopes.Add(scope))
                {
                    labels.RemoveAll(other => other != id && LabelById(other) is { } o && ScopeOf(o.Title) == scope);
                }
            }
        }

        return labels;
    }

    private static bool HasChanged(IssueMemento before, SimIssue issue) =>
        before.Title != issue.Title
        || before.Description != issue.Description
        || !before.LabelIds.Order().SequenceEqual(issue.LabelIds.Order())
        || before.MilestoneId != issue.MilestoneId
        || !before.AssigneeIds.SequenceEqual(issue.AssigneeIds)
        || before.Confidential != issue.Confidential
        || before.IsOpen != issue.IsOpen
        || before.DueDate != issue.DueDate;

    /// <summary>The system notes GitLab writes for an edit (they show up in the notes list).</summary>
    private void AddSystemNotes(SimIssue issue, IssueMemento before, SimUser actor, DateTimeOffset now)
    {
        var added = issue.LabelIds.Except(before.LabelIds).Select(id => "~" + id).ToList();
        var removed = before.LabelIds.Except(issue.LabelIds).Select(id => "~" + id).ToList();
        if (added.Count > 0 || removed.Count > 0)
        {
            var parts = new List<string>();
            if (added.Count > 0)
            {
                parts.Add($"added {string.Join(' ', added)} label{(added.Count > 1 ? "s" : "")}");
            }

            if (removed.Count > 0)
            {
                parts.Add($"removed {string.Join(' ', removed)} label{(removed.Count > 1 ? "s" : "")}");
            }

            InsertNote(issue, string.Join(" and ", parts), actor.Id, isInternal: false, isSystem: true, now);
        }

        if (before.MilestoneId != issue.MilestoneId)
        {
            var text = MilestoneById(issue.MilestoneId) is { } milestone
                ? $"changed milestone to %{milestone.Iid}"
                : $"removed milestone %{MilestoneById(before.MilestoneId)?.Iid}";
            InsertNote(issue, text, actor.Id, isInternal: false, isSystem: true, now);
        }

        if (!before.AssigneeIds.SequenceEqual(issue.AssigneeIds))
        {
            var assigned = issue.AssigneeIds.Except(before.AssigneeIds).Select(id => "@" + Users[id].Username).ToList();
            var unassigned = before.AssigneeIds.Except(issue.AssigneeIds).Select(id => "@" + Users[id].Username).ToList();
            var parts = new List<string>();
            if (assigned.Count > 0)
            {
                parts.Add("assigned to " + string.Join(", ", assigned));
            }

            if (unassigned.Count > 0)
            {
                parts.Add("unassigned " + string.Join(", ", unassigned));
            }

            InsertNote(issue, string.Join(" and ", parts), actor.Id, isInternal: false, isSystem: true, now);
        }

        if (before.IsOpen != issue.IsOpen)
        {
            InsertNote(issue, issue.IsOpen ? "reopened" : "closed", actor.Id, isInternal: false, isSystem: true, now);
        }

        if (before.Confidential != issue.Confidential)
        {
            InsertNote(issue, issue.Confidential ? "made the issue confidential" : "made the issue visible to everyone", actor.Id, isInternal: false, isSystem: true, now);
        }

        if (before.Title != issue.Title)
        {
            InsertNote(issue, $"changed title from **{before.Title}** to **{issue.Title}**", actor.Id, isInternal: false, isSystem: true, now);
        }

        if (before.Description != issue.Description)
        {
            InsertNote(issue, "changed the description", actor.Id, isInternal: false, isSystem: true, now);
        }
    }

    /// <summary>
    /// Creates an issue with its initial attributes as one change (<c>action: open</c>). A given
    /// (back-dated) <paramref name="createdAt"/> leaves <c>updated_at</c> at the time of the write:
    /// Rails' ActiveRecord::Timestamp#_create_record fills only the timestamps the record lacks.
    /// </summary>
    public IssueChange CreateIssue(SimProject project, SimUser actor, string title, string? description, DateTimeOffset createdAt, IssueEdit initial)
    {
        var issue = InsertIssue(project, title, description, actor.Id, createdAt, updatedAt: Now);
        issue.LabelIds = ComputeLabels(issue, initial);
        issue.MilestoneId = initial.MilestoneSet ? initial.MilestoneId : null;
        issue.AssigneeIds = [.. initial.AddAssigneeIds.Distinct()];
        issue.Confidential = initial.Confidential ?? false;
        issue.DueDate = initial.DueDate;
        return new IssueChange(issue, null, "open", actor);
    }

    /// <summary>
    /// Label titles to ids for REST <c>labels</c>/<c>add_labels</c>: unknown titles become new
    /// project labels, silently, as GitLab does.
    /// </summary>
    public List<long> ResolveOrCreateLabels(SimProject project, IEnumerable<string> titles)
    {
        var ids = new List<long>();
        foreach (var title in titles)
        {
            var label = FindLabel(project, title) ?? AddProjectLabel(project, title, "#6699cc");
            ids.Add(label.Id);
        }

        return ids;
    }
}
