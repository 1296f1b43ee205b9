using IssueHygiene.GitLab;
using IssueHygiene.GitLab.Dtos;

namespace IssueHygiene.Worker;

/// <summary>The token's user (the bot), asked of GitLab once: its notes are never read as commands, and people address it by username.</summary>
public sealed class BotIdentity(IGitLabDirectory gitLab) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private GitLabUser? _user;

    public void Dispose() => _gate.Dispose();

    public async Task<GitLabUser> GetAsync(CancellationToken cancellationToken)
    {
        if (_user is { } known)
        {
            return known;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _user ??= await gitLab.GetCurrentUserAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }
}
