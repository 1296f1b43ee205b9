using IssueHygiene.GitLabSimulator.Model;

namespace IssueHygiene.GitLabSimulator.State;

/// <summary>Merge requests and their notes (ids in their own range; note ids shared with issue notes, as on GitLab).</summary>
internal sealed partial class SimulatorStore
{
    private long _nextMergeRequestId = 700_000;

    public Dictionary<long, SimMergeRequest> MergeRequests { get; } = [];

    /// <summary>Per project, by iid - 1 (dense, never reused).</summary>
    public Dictionary<long, List<SimMergeRequest>> MergeRequestsByProject { get; } = [];

    public Dictionary<long, List<SimMergeRequestNote>> NotesByMergeRequestId { get; } = [];

    public Dictionary<long, SimMergeRequestNote> MergeRequestNotes { get; } = [];

    /// <summary>Files pushed to a branch, as (old path, new path): what an MR from that branch changes.</summary>
    public Dictionary<(long ProjectId, string Branch), List<(string OldPath, string NewPath)>> BranchChanges { get; } = [];

    public SimMergeRequest AddMergeRequest(
        SimProject project,
        string title,
        long authorId,
        IEnumerable<(string OldPath, string NewPath)> changes,
        bool draft = false,
        DateTimeOffset? createdAt = null,
        string? sourceBranch = null,
        string targetBranch = "main")
    {
        var list = MergeRequestsOf(project);
        var at = createdAt ?? Now;
        var mergeRequest = new SimMergeRequest
        {
            Id = _nextMergeRequestId++,
            Iid = list.Count + 1,
            Project = project,
            Title = title,
            AuthorId = authorId,
            Draft = draft,
            CreatedAt = at,
            UpdatedAt = at,
            SourceBranch = sourceBranch ?? "feature-" + (list.Count + 1),
            TargetBranch = targetBranch,
        };
        mergeRequest.Changes.AddRange(changes);
        list.Add(mergeRequest);
        MergeRequests.Add(mergeRequest.Id, mergeRequest);
        return mergeRequest;
    }

    public List<SimMergeRequest> MergeRequestsOf(SimProject project)
    {
        if (!MergeRequestsByProject.TryGetValue(project.Id, out var list))
        {
            list = [];
            MergeRequestsByProject.Add(project.Id, list);
        }

        return list;
    }

    public SimMergeRequest? FindMergeRequest(SimProject project, long iid) =>
        MergeRequestsByProject.TryGetValue(project.Id, out var list) && iid >= 1 && iid <= list.Count ? list[(int)iid - 1] : null;

    public SimMergeRequestNote InsertMergeRequestNote(SimMergeRequest mergeRequest, string body, long authorId, bool isSystem, DateTimeOffset at, bool isInternal = false)
    {
        var note = new SimMergeRequestNote { Id = _nextNoteId++, MergeRequest = mergeRequest, Body = body, AuthorId = authorId, System = isSystem, Internal = isInternal, CreatedAt = at, UpdatedAt = at };
        MergeRequestNotes.Add(note.Id, note);
        if (!NotesByMergeRequestId.TryGetValue(mergeRequest.Id, out var notes))
        {
            notes = [];
            NotesByMergeRequestId.Add(mergeRequest.Id, notes);
        }

        notes.Add(note);
        if (!isSystem)
        {
            mergeRequest.UserNotesCount++;
        }

        return note;
    }

    public void RemoveMergeRequestNote(SimMergeRequestNote note)
    {
        MergeRequestNotes.Remove(note.Id);
        NotesByMergeRequestId[note.MergeRequest.Id].Remove(note);
        if (!note.System)
        {
            note.MergeRequest.UserNotesCount--;
        }
    }
}
