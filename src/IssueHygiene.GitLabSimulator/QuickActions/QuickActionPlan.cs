using System.Text.Json.Nodes;
using IssueHygiene.GitLabSimulator.State;

namespace IssueHygiene.GitLabSimulator.QuickActions;

/// <summary>
/// What a note's commands amount to: one combined edit, GitLab's <c>commands_changes</c>, the
/// human summary, and which commands failed (e.g. <c>/label</c> naming only unknown labels).
/// </summary>
internal sealed record QuickActionPlan(IssueEdit Edit, JsonObject CommandsChanges, IReadOnlyList<string> Messages, IReadOnlyList<string> Errors, int Succeeded);
