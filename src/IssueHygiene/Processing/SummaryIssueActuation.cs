using IssueHygiene.Core.Summary;
using IssueHygiene.GitLab;
using IssueHygiene.GitLab.Errors;
using IssueHygiene.GitLab.Requests;
using IssueHygiene.Storage;
using IssueHygiene.Storage.Audit;
using IssueHygiene.Storage.Health;

namespace IssueHygiene.Processing;

/// <summary>
/// The summary issue's find and act steps, as the <see cref="Actuator"/> runs them (<see cref="Actuator.ActOnSummaryAsync"/>):
/// found by the stored location or else by its hidden marker, and written with the run's budget, dry-run and audit
/// handling. Kept apart from the per-issue path so it moves as one piece.
/// </summary>
internal static class SummaryIssueActuation
{
    /// <summary>The scope's summary issue: where the store says (when it still carries the marker), else searched by title.</summary>
    public static async Task<ExistingSummaryIssue?> FindAsync(IGitLabIssueReader gitLab, IHygieneStore store, string scope, string title, long projectId, CancellationToken cancellationToken)
    {
        if (await store.Health.GetSummaryIssueAsync(scope, cancellationToken) is { } remembered)
        {
            try
            {
                var issue = await gitLab.GetIssueAsync(IdOrPath.FromId(remembered.ProjectId), remembered.IssueIid, cancellationToken);
                if (issue.State == "opened" && SummaryIssueMarker.IsFor(issue.Description, scope))
                {
                    return new ExistingSummaryIssue(issue.ProjectId, issue.Iid, issue.Title, issue.Description, issue.WebUrl);
                }
            }
            catch (GitLabNotFoundException)
            {
                // Deleted or moved: look for it by its marker below.
            }
        }

        var query = new IssueQuery { State = IssueStateFilter.Opened, Search = title };
        await foreach (var issue in gitLab.ListProjectIssuesAsync(IdOrPath.FromId(projectId), query, cancellationToken))
        {
            if (SummaryIssueMarker.IsFor(issue.Description, scope))
            {
                return new ExistingSummaryIssue(issue.ProjectId, issue.Iid, issue.Title, issue.Description, issue.WebUrl);
            }
        }

        return null;
    }

    public static async Task<SummaryOutcome> ActAsync(IGitLabIssueWriter gitLab, IHygieneStore store, TimeProvider time, SummaryIssuePlan plan, ActContext context, CancellationToken cancellationToken)
    {
        if (plan.Write is not { } write)
        {
            return new SummaryOutcome(plan, ActStatus.NothingToDo, plan.Iid, null);
        }

        // A dry run plans the write whatever the budget (the budget only notes where a live run would have stopped).
        if (!context.Budget.TryReserve(1) && !context.DryRun)
        {
            return new SummaryOutcome(plan, ActStatus.BudgetExhausted, plan.Iid, null);
        }

        if (context.DryRun)
        {
            await AuditAsync(store, time, plan, plan.Iid ?? 0, context, null, cancellationToken);
            return new SummaryOutcome(plan, ActStatus.Planned, plan.Iid, null);
        }

        var project = IdOrPath.FromId(plan.ProjectId);
        try
        {
            var issue = plan.Iid is { } iid
                ? await gitLab.UpdateIssueAsync(project, iid, new IssueUpdate { Description = plan.Description, Title = write.RestFields.GetValueOrDefault("title") }, cancellationToken)
                : await gitLab.CreateIssueAsync(project, new IssueCreate
                {
                    Title = plan.Title,
                    Description = plan.Description,
                    Labels = write.RestFields.TryGetValue("labels", out var labels) ? labels.Split(',') : [],
                }, cancellationToken);
            await store.Health.RememberSummaryIssueAsync(new SummaryIssueRecord(plan.Scope, issue.ProjectId, issue.Iid, issue.WebUrl, time.GetUtcNow()), cancellationToken);
            await AuditAsync(store, time, plan, issue.Iid, context, null, cancellationToken);
            return new SummaryOutcome(plan, ActStatus.Written, issue.Iid, issue.WebUrl);
        }
        catch (GitLabException e)
        {
            await AuditAsync(store, time, plan, plan.Iid ?? 0, context, e.Message, cancellationToken);
            return new SummaryOutcome(plan, ActStatus.Failed, plan.Iid, null, e.Message);
        }
    }

    private static async Task AuditAsync(IHygieneStore store, TimeProvider time, SummaryIssuePlan plan, long iid, ActContext context, string? error, CancellationToken cancellationToken)
    {
        var entry = new AuditEntry
        {
            OccurredAt = time.GetUtcNow(),
            ProjectId = plan.ProjectId,
            IssueIid = iid,
            Rules = [],
            Kind = plan.Write!.Kind,
            DryRun = context.DryRun,
            Source = context.Source,
            Outcome = error is null ? AuditOutcome.Ok : AuditOutcome.Error,
            ErrorMessage = error,
            Detail = $"summary issue of {plan.Scope}",
        };
        if (context.AuditBuffer is { } buffer)
        {
            buffer.Add(entry);
            return;
        }

        await store.Audit.AppendAsync(entry, cancellationToken);
    }
}
