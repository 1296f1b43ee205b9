using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Issues;
using IssueHygiene.Core.Taxonomy;
using IssueHygiene.GitLab;
using IssueHygiene.GitLab.Errors;
using IssueHygiene.GitLab.Mapping;
using IssueHygiene.GitLab.Requests;
using IssueHygiene.Processing;
using Microsoft.Extensions.Logging;

namespace IssueHygiene.Taxonomy;

/// <summary>
/// <c>milestones plan</c> for one group: reads its milestones (with its ancestors', which its issues can use too),
/// plans with <see cref="SprintMilestonePlanner"/> from today in the rules file's time zone, and creates what is
/// missing — unless dry run, where only GET requests are made.
/// </summary>
public sealed partial class MilestonePlanRunner(IGitLabClient gitLab, Evaluator evaluator, TimeProvider time, ILogger<MilestonePlanRunner> logger)
{
    public async Task<MilestonePlanOutcome> RunAsync(string group, bool dryRun, WriteBudget budget, CancellationToken cancellationToken)
    {
        var existing = new List<MilestoneRef>();
        await foreach (var milestone in gitLab.ListGroupMilestonesAsync(group, includeAncestors: true, cancellationToken))
        {
            existing.Add(GitLabIssueMapper.ToMilestoneRef(milestone));
        }

        var plan = SprintMilestonePlanner.Plan(existing, evaluator.Policy.TodayAt(time.GetUtcNow()), evaluator.Rules);
        var created = new List<PlannedSprintMilestone>();
        var failures = new List<string>();
        var budgetExhausted = false;
        foreach (var milestone in dryRun ? [] : plan.ToCreate)
        {
            if (!budget.TryReserve(1))
            {
                budgetExhausted = true;
                break;
            }

            try
            {
                await gitLab.CreateGroupMilestoneAsync(group,
                    new MilestoneCreate(milestone.Title, milestone.DueDate, milestone.StartDate, "Sprint milestone (created by issue-hygiene milestones plan)"),
                    cancellationToken);
                created.Add(milestone);
                LogCreated(logger, group, milestone.Title);
            }
            catch (GitLabException e)
            {
                failures.Add($"\"{milestone.Title}\": {e.Message}");
                LogCreateFailed(logger, group, milestone.Title, e.Message);
            }
        }

        return new MilestonePlanOutcome(group, plan, created, failures, budgetExhausted, dryRun);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created sprint milestone {Title} in group {Group}")]
    private static partial void LogCreated(ILogger logger, string group, string title);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Creating sprint milestone {Title} in group {Group} failed: {Error}")]
    private static partial void LogCreateFailed(ILogger logger, string group, string title, string error);
}
