using IssueHygiene.GitLab;
using IssueHygiene.GitLab.Dtos;

namespace IssueHygiene.Tests.Worker;

/// <summary>The directory role for the worker's unit tests: the bot, project paths and members' access levels, each lookup counted.</summary>
internal sealed class FakeDirectory : IGitLabDirectory
{
    public static readonly GitLabUser Bot = new() { Id = Processing.FakeIssueTracker.BotId, Username = "issue-hygiene-bot" };

    /// <summary>Project id → path_with_namespace, as GitLab names it.</summary>
    public Dictionary<long, string> ProjectPaths { get; } = new() { [5] = "handbook/app" };

    /// <summary>User id → effective access on every project; anyone else has none.</summary>
    public Dictionary<long, GitLabAccessLevel> Access { get; } = [];

    public int ProjectLookups { get; private set; }

    public int AccessLookups { get; private set; }

    public Task<GitLabUser> GetCurrentUserAsync(CancellationToken cancellationToken = default) => Task.FromResult(Bot);

    public Task<GitLabProject> GetProjectAsync(IdOrPath project, CancellationToken cancellationToken = default)
    {
        ProjectLookups++;
        var id = long.Parse(project.Value, System.Globalization.CultureInfo.InvariantCulture);
        return Task.FromResult(new GitLabProject { Id = id, PathWithNamespace = ProjectPaths[id] });
    }

    public Task<GitLabAccessLevel> GetEffectiveAccessLevelAsync(IdOrPath project, long userId, CancellationToken cancellationToken = default)
    {
        AccessLookups++;
        return Task.FromResult(Access.GetValueOrDefault(userId, GitLabAccessLevel.None));
    }

    public Task<GitLabGroup> GetGroupAsync(IdOrPath group, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("the worker never reads groups");

    public IAsyncEnumerable<GitLabProject> ListGroupProjectsAsync(IdOrPath group, bool includeSubgroups = true, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("the worker never lists projects");

    public Task<GitLabAccessLevel> GetGroupEffectiveAccessLevelAsync(IdOrPath group, long userId, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("the worker asks for project access only");
}
