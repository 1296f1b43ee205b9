using System.Net;
using System.Runtime.CompilerServices;
using IssueHygiene.Core.Evaluation;
using IssueHygiene.GitLab;
using IssueHygiene.GitLab.Dtos;
using IssueHygiene.GitLab.Errors;
using IssueHygiene.GitLab.Mapping;
using IssueHygiene.GitLab.Requests;
using IssueHygiene.Processing;

namespace IssueHygiene.Tests.Processing;

/// <summary>
/// A tiny in-memory GitLab for the three roles the issue path uses (read issues and notes, write notes, change an
/// issue): every call is logged, and a test can make any call fail the way GitLab does.
/// </summary>
internal sealed class FakeIssueTracker : IGitLabIssueReader, IGitLabIssueWriter, IGitLabNoteWriter, ITrackerCatalogSource
{
    public const long BotId = 99;

    private readonly Dictionary<(long, long), GitLabIssue> _issues = [];
    private readonly Dictionary<(long, long), List<GitLabNote>> _notes = [];
    private long _nextNoteId = 1000;

    /// <summary>Every call, as "GET issue 5#1", "POST note 5#1 internal", "PUT issue 5#1", …</summary>
    public List<string> Calls { get; } = [];

    /// <summary>The body of each note created, in order.</summary>
    public List<string> CreatedNoteBodies { get; } = [];

    public List<IssueUpdate> Updates { get; } = [];

    /// <summary>When set, the call whose log line starts with the key throws the exception.</summary>
    public Dictionary<string, Exception> Failures { get; } = [];

    public GitLabIssue Add(GitLabIssue issue)
    {
        _issues[(issue.ProjectId, issue.Iid)] = issue;
        _notes[(issue.ProjectId, issue.Iid)] = [];
        return issue;
    }

    public static GitLabIssue Issue(long iid, string? description = null, params string[] labels) => new()
    {
        Id = 10_000 + iid,
        Iid = iid,
        ProjectId = 5,
        Title = "Issue " + iid,
        Description = description,
        State = "opened",
        Labels = [.. labels],
        CreatedAt = DateTimeOffset.UtcNow.AddDays(-30),
        UpdatedAt = DateTimeOffset.UtcNow.AddDays(-30),
        WebUrl = $"https://gitlab.example/g/p/-/issues/{iid}",
        Author = new GitLabUser { Id = 7, Username = "reporter" },
        UserNotesCount = 0,
    };

    public static GitLabNotFoundException NotFound(string what) => new("test", what, null);

    public static GitLabAuthException Forbidden(string what) => new(HttpStatusCode.Forbidden, "test", what, null);

    public Task<GitLabIssue> GetIssueAsync(IdOrPath project, long issueIid, CancellationToken cancellationToken = default)
    {
        Log($"GET issue {project}#{issueIid}");
        return Task.FromResult(_issues[(long.Parse(project.Value, System.Globalization.CultureInfo.InvariantCulture), issueIid)]);
    }

    public async IAsyncEnumerable<GitLabNote> ListIssueNotesAsync(IdOrPath project, long issueIid, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Log($"GET notes {project}#{issueIid}");
        foreach (var note in _notes[(long.Parse(project.Value, System.Globalization.CultureInfo.InvariantCulture), issueIid)].ToList())
        {
            await Task.Yield();
            yield return note;
        }
    }

    public Task<GitLabNote> GetIssueNoteAsync(IdOrPath project, long issueIid, long noteId, CancellationToken cancellationToken = default)
    {
        Log($"GET note {project}#{issueIid}/{noteId}");
        return Task.FromResult(_notes[(long.Parse(project.Value, System.Globalization.CultureInfo.InvariantCulture), issueIid)].Find(n => n.Id == noteId) ?? throw NotFound($"note {noteId}"));
    }

    public IAsyncEnumerable<GitLabIssue> ListProjectIssuesAsync(IdOrPath project, IssueQuery query, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("the issue path never lists issues");

    public IAsyncEnumerable<GitLabIssue> ListGroupIssuesAsync(IdOrPath group, IssueQuery query, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("the issue path never lists issues");

    public Task<NoteCreateResult> CreateIssueNoteAsync(IdOrPath project, long issueIid, string body, bool isInternal = false, CancellationToken cancellationToken = default)
    {
        Log($"POST note {project}#{issueIid}{(isInternal ? " internal" : string.Empty)}");
        var key = (long.Parse(project.Value, System.Globalization.CultureInfo.InvariantCulture), issueIid);
        var note = new GitLabNote { Id = _nextNoteId++, Body = body, Author = new GitLabUser { Id = BotId, Username = "bot" }, Internal = isInternal };
        _notes[key].Add(note);
        _issues[key] = _issues[key] with { UserNotesCount = _notes[key].Count };
        CreatedNoteBodies.Add(body);
        return Task.FromResult<NoteCreateResult>(new NoteCreateResult.Created(note));
    }

    public Task<GitLabNote> UpdateIssueNoteAsync(IdOrPath project, long issueIid, long noteId, string body, CancellationToken cancellationToken = default)
    {
        Log($"PUT note {project}#{issueIid}/{noteId}");
        var notes = _notes[(long.Parse(project.Value, System.Globalization.CultureInfo.InvariantCulture), issueIid)];
        var index = notes.FindIndex(n => n.Id == noteId);
        if (index < 0)
        {
            throw NotFound($"note {noteId}");
        }

        notes[index] = notes[index] with { Body = body };
        return Task.FromResult(notes[index]);
    }

    public Task DeleteIssueNoteAsync(IdOrPath project, long issueIid, long noteId, CancellationToken cancellationToken = default)
    {
        Log($"DELETE note {project}#{issueIid}/{noteId}");
        _notes[(long.Parse(project.Value, System.Globalization.CultureInfo.InvariantCulture), issueIid)].RemoveAll(n => n.Id == noteId);
        return Task.CompletedTask;
    }

    /// <summary>The per-issue path never creates an issue (only the summary issue is created, by the sweep).</summary>
    public Task<GitLabIssue> CreateIssueAsync(IdOrPath project, IssueCreate issue, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("the per-issue path never creates issues");

    public Task<GitLabIssue> UpdateIssueAsync(IdOrPath project, long issueIid, IssueUpdate update, CancellationToken cancellationToken = default)
    {
        Log($"PUT issue {project}#{issueIid}");
        Updates.Add(update);
        var key = (long.Parse(project.Value, System.Globalization.CultureInfo.InvariantCulture), issueIid);
        _issues[key] = _issues[key] with
        {
            Confidential = update.Confidential ?? _issues[key].Confidential,
            Description = update.Description ?? _issues[key].Description,
            Title = update.Title ?? _issues[key].Title,
            Labels = [.. _issues[key].Labels.Except(update.RemoveLabels ?? []).Union(update.AddLabels ?? [])],
        };
        return Task.FromResult(_issues[key]);
    }

    public IReadOnlyList<GitLabNote> Notes(long iid) => _notes[(5, iid)];

    /// <summary>A person's comment on issue 5#<paramref name="iid"/> (no call logged); returns its id.</summary>
    public long AddComment(long iid, long authorId, string authorUsername, string body)
    {
        var note = new GitLabNote { Id = _nextNoteId++, Body = body, Author = new GitLabUser { Id = authorId, Username = authorUsername } };
        _notes[(5, iid)].Add(note);
        return note.Id;
    }

    /// <summary>A note by the bot on issue 5#<paramref name="iid"/>, as another replica would have created it (no call logged).</summary>
    public void AddBotNote(long iid, string body)
    {
        _notes[(5, iid)].Add(new GitLabNote { Id = _nextNoteId++, Body = body, Author = new GitLabUser { Id = BotId, Username = "bot" } });
        _issues[(5, iid)] = _issues[(5, iid)] with { UserNotesCount = _notes[(5, iid)].Count };
    }

    /// <summary>The issue as a page listing would show it now (no call logged).</summary>
    public Core.Issues.IssueSnapshot Snapshot(long iid) => GitLabIssueMapper.ToSnapshot(_issues[(5, iid)]);

    /// <summary>The catalog role: no milestones, the handbook's flow labels.</summary>
    public Task<TrackerCatalog> GetAsync(long projectId, CancellationToken cancellationToken) =>
        Task.FromResult(new TrackerCatalog(new MilestoneCatalog([]), new HashSet<string>(["flow::Triage", "flow::Open"], StringComparer.Ordinal)));

    public void Invalidate()
    {
    }

    private void Log(string call)
    {
        lock (Calls)
        {
            Calls.Add(call);
        }

        foreach (var (prefix, exception) in Failures)
        {
            if (call.StartsWith(prefix, StringComparison.Ordinal))
            {
                throw exception;
            }
        }
    }
}
