using IssueHygiene.GitLabSimulator.Seeding;

namespace IssueHygiene.GitLabSimulator;

/// <summary>Merge requests as tests see them, and the git side GitLab's API cannot simulate (pushing files to a branch).</summary>
public sealed partial class SimulatedGitLab
{
    /// <summary>The expert of the seeded merge requests (<c>douwe</c>).</summary>
    public const string MergeRequestExpert = MergeRequestSeed.Expert;

    /// <summary>Titles of the seeded merge requests, by iid - 1.</summary>
    public static IReadOnlyList<string> SeededMergeRequestTitles => MergeRequestSeed.Titles;

    /// <summary>"Pushes" files to a branch: a merge request later created from it changes exactly these paths.</summary>
    public void PushBranch(long projectId, string branch, params string[] paths)
    {
        lock (_services.Store.Gate)
        {
            _services.Store.BranchChanges[(projectId, branch)] = [.. paths.Select(p => (p, p))];
        }
    }

    /// <summary>A merge request's non-system notes, oldest first, as (id, author username, body).</summary>
    public IReadOnlyList<(long Id, string Author, string Body)> MergeRequestNotes(long projectId, long iid)
    {
        lock (_services.Store.Gate)
        {
            var store = _services.Store;
            return store.Projects.TryGetValue(projectId, out var project) && store.FindMergeRequest(project, iid) is { } mr
                ? [.. store.NotesByMergeRequestId.GetValueOrDefault(mr.Id, []).Where(n => !n.System).Select(n => (n.Id, store.Users[n.AuthorId].Username, n.Body))]
                : [];
        }
    }

    /// <summary>A merge request's labels (empty when it does not exist).</summary>
    public IReadOnlyList<string> MergeRequestLabels(long projectId, long iid)
    {
        lock (_services.Store.Gate)
        {
            var store = _services.Store;
            return store.Projects.TryGetValue(projectId, out var project) && store.FindMergeRequest(project, iid) is { } mr ? [.. mr.Labels] : [];
        }
    }
}
