using System.Text.Json.Nodes;
using IssueHygiene.GitLabSimulator.Model;
using IssueHygiene.GitLabSimulator.State;

namespace IssueHygiene.GitLabSimulator.QuickActions;

/// <summary>
/// The issue quick actions the simulator knows, their availability conditions and their effect.
/// GitLab's extractor removes every command it knows from the text, available or not
/// (QuickActions::InterpretService#extractor uses all command_definitions); an unavailable one is
/// then not applied and reports "Could not apply NAME command." in the summary (CommandDefinition#execute_message).
/// </summary>
internal static class QuickActionExecutor
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "label", "labels", "unlabel", "remove_label", "relabel", "milestone", "remove_milestone",
        "assign", "reassign", "unassign", "confidential", "close", "reopen",
    };

    /// <summary>A command GitLab's extractor recognises on an issue (and so removes from the note).</summary>
    public static bool IsKnown(string name) => Known.Contains(name);

    public static bool IsAvailable(SimulatorStore store, SimIssue issue, SimUser user, string name)
    {
        if (!Known.Contains(name))
        {
            return false;
        }

        var canAdmin = store.AccessOf(user, issue.Project) >= AccessLevel.Reporter;
        return name switch
        {
            "label" or "labels" or "assign" or "reassign" => canAdmin,
            "unlabel" or "remove_label" or "relabel" => canAdmin && issue.LabelIds.Count > 0,
            "milestone" => canAdmin && store.AvailableMilestones(issue.Project).Any(),
            "remove_milestone" => canAdmin && issue.MilestoneId is not null,
            "unassign" => canAdmin && issue.AssigneeIds.Count > 0,
            "confidential" => canAdmin && !issue.Confidential,
            "close" => issue.IsOpen && (canAdmin || issue.AuthorId == user.Id),
            "reopen" => !issue.IsOpen && (canAdmin || issue.AuthorId == user.Id),
            _ => false,
        };
    }

    public static QuickActionPlan Plan(SimulatorStore store, SimIssue issue, SimUser user, IReadOnlyList<QuickActionCommand> commands)
    {
        var edit = new IssueEdit();
        var changes = new JsonObject();
        var messages = new List<string>();
        var errors = new List<string>();
        var succeeded = 0;
        var add = new List<long>();
        var remove = new List<long>();

        foreach (var command in commands)
        {
            if (!IsAvailable(store, issue, user, command.Name))
            {
                // A message, not an error: GitLab's Notes::QuickActionsStatus fails a commands-only
                // note only when no command said anything, so this one is answered 202 with it.
                messages.Add($"Could not apply {command.Name} command.");
                continue;
            }

            switch (command.Name)
            {
                case "label" or "labels":
                {
                    var labels = ResolveLabels(store, issue, command.Argument);
                    if (labels.Count == 0)
                    {
                        errors.Add("Could not apply label command.");
                        continue;
                    }

                    add.AddRange(labels.Select(l => l.Id));
                    remove.RemoveAll(add.Contains);
                    changes["add_label_ids"] = Ids(add);
                    messages.Add($"Added {References(labels)} label{Plural(labels.Count)}.");
                    break;
                }

                case "unlabel" or "remove_label":
                {
                    if (command.Argument.Length == 0)
                    {
                        edit = edit with { RemoveAllLabels = true };
                        changes["label_ids"] = new JsonArray();
                        messages.Add("Removed all labels.");
                        break;
                    }

                    var labels = ResolveLabels(store, issue, command.Argument);
                    if (labels.Count == 0)
                    {
                        errors.Add("Could not apply unlabel command.");
                        continue;
                    }

                    remove.AddRange(labels.Select(l => l.Id));
                    add.RemoveAll(remove.Contains);
                    changes["remove_label_ids"] = Ids(remove);
                    messages.Add($"Removed {References(labels)} label{Plural(labels.Count)}.");
                    break;
                }

                case "relabel":
                {
                    var labels = ResolveLabels(store, issue, command.Argument);
                    if (labels.Count == 0)
                    {
                        errors.Add("Could not apply relabel command.");
                        continue;
                    }

                    edit = edit with { ReplaceLabelIds = [.. labels.Select(l => l.Id)] };
                    changes["label_ids"] = Ids(labels.Select(l => l.Id));
                    messages.Add($"Replaced all labels with {References(labels)} label{Plural(labels.Count)}.");
                    break;
                }

                case "milestone":
                {
                    var reference = QuickActionParser.MilestoneReference(command.Argument);
                    var milestone = store.FindMilestoneByTitle(issue.Project, reference)
                        ?? (long.TryParse(reference, out var iid) ? store.AvailableMilestones(issue.Project).FirstOrDefault(m => m.Iid == iid) : null);
                    if (milestone is null)
                    {
                        errors.Add("Could not apply milestone command.");
                        continue;
                    }

                    edit = edit with { MilestoneSet = true, MilestoneId = milestone.Id };
                    changes["milestone_id"] = milestone.Id;
                    messages.Add($"Set the milestone to %\"{milestone.Title}\".");
                    break;
                }

                case "remove_milestone":
                    edit = edit with { MilestoneSet = true, MilestoneId = null };
                    changes["milestone_id"] = null;
                    messages.Add("Removed the milestone.");
                    break;

                case "assign" or "reassign":
                {
                    var users = ResolveUsers(store, user, command.Argument).Where(u => store.MembershipOf(u, issue.Project) is not null || u.IsAdmin).ToList();
                    if (users.Count == 0)
                    {
                        errors.Add("Failed to assign a user because no user was found.");
                        continue;
                    }

                    edit = command.Name == "assign"
                        ? edit with { AddAssigneeIds = [.. edit.AddAssigneeIds, .. users.Select(u => u.Id)] }
                        : edit with { ReplaceAssigneeIds = [.. users.Select(u => u.Id)], AddAssigneeIds = [] };
                    changes["assignee_ids"] = Ids((edit.ReplaceAssigneeIds ?? issue.AssigneeIds).Concat(edit.AddAssigneeIds).Distinct());
                    messages.Add($"{(command.Name == "assign" ? "Assigned" : "Reassigned to")} {string.Join(", ", users.Select(u => "@" + u.Username))}.");
                    break;
                }

                case "unassign":
                {
                    if (command.Argument.Length == 0)
                    {
                        edit = edit with { RemoveAllAssignees = true, AddAssigneeIds = [] };
                        changes["assignee_ids"] = new JsonArray();
                        messages.Add("Removed all assignees.");
                        break;
                    }

                    var users = ResolveUsers(store, user, command.Argument);
                    if (users.Count == 0)
                    {
                        errors.Add("Could not apply unassign command.");
                        continue;
                    }

                    edit = edit with { RemoveAssigneeIds = [.. edit.RemoveAssigneeIds, .. users.Select(u => u.Id)] };
                    changes["assignee_ids"] = Ids(issue.AssigneeIds.Except(edit.RemoveAssigneeIds));
                    messages.Add($"Removed assignee {string.Join(", ", users.Select(u => "@" + u.Username))}.");
                    break;
                }

                case "confidential":
                    edit = edit with { Confidential = true };
                    changes["confidential"] = true;
                    messages.Add("Made this issue confidential.");
                    break;

                case "close":
                    edit = edit with { StateEvent = IssueStateEvent.Close };
                    changes["state_event"] = "close";
                    messages.Add("Closed this issue.");
                    break;

                case "reopen":
                    edit = edit with { StateEvent = IssueStateEvent.Reopen };
                    changes["state_event"] = "reopen";
                    messages.Add("Reopened this issue.");
                    break;
            }

            succeeded++;
        }

        edit = edit with { AddLabelIds = add, RemoveLabelIds = remove };
        return new QuickActionPlan(edit, changes, messages, errors, succeeded);
    }

    /// <summary>Known labels only: GitLab's <c>/label</c> silently skips names that are no label here.</summary>
    private static List<SimLabel> ResolveLabels(SimulatorStore store, SimIssue issue, string argument)
    {
        var labels = new List<SimLabel>();
        foreach (var reference in QuickActionParser.LabelReferences(argument))
        {
            var label = store.FindLabel(issue.Project, reference)
                ?? (long.TryParse(reference, out var id) && store.LabelById(id) is { } byId
                    && store.AvailableLabels(issue.Project).Contains(byId) ? byId : null);
            if (label is not null && !labels.Contains(label))
            {
                labels.Add(label);
            }
        }

        return labels;
    }

    private static List<SimUser> ResolveUsers(SimulatorStore store, SimUser current, string argument) =>
        [.. QuickActionParser.UserReferences(argument)
            .Select(name => name == "me" ? current : store.UsersByUsername.GetValueOrDefault(name))
            .OfType<SimUser>()
            .Distinct()];

    private static JsonArray Ids(IEnumerable<long> ids) => new([.. ids.Select(id => (JsonNode)JsonValue.Create(id))]);

    private static string References(IEnumerable<SimLabel> labels) => string.Join(" ", labels.Select(l => $"~\"{l.Title}\""));

    private static string Plural(int count) => count == 1 ? "" : "s";
}
