using IssueHygiene.Hosting;
using IssueHygiene.Processing;
using Microsoft.Extensions.Logging;

namespace IssueHygiene.Taxonomy;

/// <summary>
/// The scheduled <c>milestones plan</c> of <c>serve</c>: every configured group, with the service's <c>DryRun</c> and
/// write budget. A group that fails is logged and the others still run.
/// </summary>
public sealed partial class MilestonePlanJob(MilestonePlanRunner runner, HygieneOptions options, ILogger<MilestonePlanJob> logger) : IMilestonePlanJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (options.Scopes.Groups.Count == 0)
        {
            LogNoGroups(logger);
            return;
        }

        var budget = new WriteBudget(options.MaxWritesPerRun);
        foreach (var group in GroupScopes.From(options, null))
        {
            try
            {
                var outcome = await runner.RunAsync(group, options.DryRun, budget, cancellationToken);
                LogPlanned(logger, group, outcome.Plan.ToCreate.Count, outcome.Created.Count, outcome.Plan.Problems.Count, outcome.DryRun);
            }
            catch (GitLab.Errors.GitLabException e)
            {
                LogGroupFailed(logger, group, e.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sprint milestones of {Group}: {Missing} missing, {Created} created, {Problems} misdated (dry run: {DryRun})")]
    private static partial void LogPlanned(ILogger logger, string group, int missing, int created, int problems, bool dryRun);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Planning the sprint milestones of {Group} failed: {Error}")]
    private static partial void LogGroupFailed(ILogger logger, string group, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "No Scopes:Groups configured: no sprint milestones to plan")]
    private static partial void LogNoGroups(ILogger logger);
}
