using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Policy;
using IssueHygiene.Core.Rules;
using IssueHygiene.Core.Taxonomy;
using IssueHygiene.GitLab;
using IssueHygiene.GitLab.Errors;
using IssueHygiene.GitLab.Requests;
using IssueHygiene.Processing;
using Microsoft.Extensions.Logging;

namespace IssueHygiene.Taxonomy;

/// <summary>
/// <c>labels sync</c> for one group: reads its labels, plans with <see cref="LabelSyncPlanner"/>, makes the changes
/// (never a delete; dry run makes only GET requests), then counts the undocumented labels on its open issues.
/// </summary>
public sealed partial class LabelSyncRunner(IGitLabClient gitLab, Evaluator evaluator, ILogger<LabelSyncRunner> logger)
{
    public async Task<LabelSyncOutcome> RunAsync(string group, bool dryRun, WriteBudget budget, CancellationToken cancellationToken)
    {
        var existing = new List<ExistingLabel>();
        await foreach (var label in gitLab.ListGroupLabelsAsync(group, cancellationToken))
        {
            existing.Add(new ExistingLabel(label.Name, label.Color, label.Description));
        }

        var plan = LabelSyncPlanner.Plan(existing, evaluator.Rules);
        var applied = new List<LabelChange>();
        var failures = new List<string>();
        var budgetExhausted = false;
        foreach (var change in dryRun ? [] : plan.Changes)
        {
            if (!budget.TryReserve(1))
            {
                budgetExhausted = true;
                break;
            }

            try
            {
                await ApplyAsync(group, change, cancellationToken);
                applied.Add(change);
                LogApplied(logger, change.Kind, group, change.Name);
            }
            catch (GitLabException e)
            {
                failures.Add($"{change.Kind.ToString().ToLowerInvariant()} \"{change.Name}\": {e.Message}");
                LogFailed(logger, change.Kind, group, change.Name, e.Message);
            }
        }

        var undocumented = evaluator.Rules.SettingsFor(LabelDocumentedRule.Definition.Id).Action == RuleAction.Off
            ? null
            : await CountUndocumentedAsync(group, cancellationToken);
        return new LabelSyncOutcome(group, plan, applied, failures, budgetExhausted, dryRun, undocumented);
    }

    private Task<GitLab.Dtos.GitLabLabel> ApplyAsync(string group, LabelChange change, CancellationToken cancellationToken) => change.Kind switch
    {
        LabelChangeKind.Create => gitLab.CreateGroupLabelAsync(group, new LabelCreate(change.Name, change.Color ?? LabelSyncPlanner.FallbackColor, change.Description), cancellationToken),
        // A rename is an update of the label under its former name: GitLab keeps it (by id) on every issue.
        LabelChangeKind.Rename => gitLab.UpdateGroupLabelAsync(group, change.PreviousName!,
            new LabelUpdate { NewName = change.Name, Color = change.Color, Description = change.Description }, cancellationToken),
        _ => gitLab.UpdateGroupLabelAsync(group, change.Name, new LabelUpdate { Color = change.Color, Description = change.Description }, cancellationToken),
    };

    private async Task<IReadOnlyList<UndocumentedLabel>> CountUndocumentedAsync(string group, CancellationToken cancellationToken)
    {
        var counter = new UndocumentedLabelCounter(evaluator.Policy);
        await foreach (var issue in gitLab.ListGroupIssuesAsync(group, IssueQuery.OpenIssues, cancellationToken))
        {
            counter.Add(issue.Labels);
        }

        return counter.Result();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Label {Kind} {Label} in group {Group}")]
    private static partial void LogApplied(ILogger logger, LabelChangeKind kind, string group, string label);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Label {Kind} {Label} in group {Group} failed: {Error}")]
    private static partial void LogFailed(ILogger logger, LabelChangeKind kind, string group, string label, string error);
}
