using System.Globalization;
using IssueHygiene.GitLab;
using IssueHygiene.GitLab.Errors;
using IssueHygiene.Hosting;
using IssueHygiene.Webhooks;

namespace IssueHygiene.Serving;

/// <summary>
/// Groups configured by numeric id are resolved to their full path once at start-up (a payload names its namespace
/// only by path). Until that succeeds, deliveries from those groups are ignored, so it keeps trying.
/// </summary>
public sealed partial class ScopeGroupResolver(
    HygieneOptions options,
    WebhookScopeFilter filter,
    IGitLabClient gitLab,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<ScopeGroupResolver> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await Worker.HostStarted.WaitAsync(lifetime, stoppingToken))
        {
            return;
        }

        var pending = options.Scopes.Groups.Where(g => long.TryParse(g, NumberStyles.None, CultureInfo.InvariantCulture, out _)).ToList();
        while (pending.Count > 0 && !stoppingToken.IsCancellationRequested)
        {
            foreach (var id in pending.ToList())
            {
                try
                {
                    var group = await gitLab.GetGroupAsync(IdOrPath.FromPath(id), stoppingToken);
                    filter.AddGroupPath(group.FullPath);
                    pending.Remove(id);
                }
                catch (GitLabException e)
                {
                    LogUnresolved(logger, id, e.Message);
                }
            }

            if (pending.Count > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(30), time, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scope group {GroupId} could not be resolved to a path ({Error}); its deliveries are ignored until it is")]
    private static partial void LogUnresolved(ILogger logger, string groupId, string error);
}
