using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Issues;
using IssueHygiene.Core.Secrets;

namespace IssueHygiene.Processing;

/// <summary>One issue to process, as every path asks for it (sweep page, webhook batch, poll, <c>lint PROJECT#IID</c>).</summary>
public sealed record IssueRequest
{
    public required long ProjectId { get; init; }

    public required long Iid { get; init; }

    /// <summary>The issue as a page just listed it; null: the processor reads it (a payload may be stale).</summary>
    public PlanBasis? Snapshot { get; init; }

    /// <summary>Comments to scan for leaked credentials (new or edited ones a webhook or poll reported).</summary>
    public IReadOnlyList<NoteToScan> NotesToScan { get; init; } = [];

    /// <summary>List every enabled rule in the note (<c>@bot explain</c>).</summary>
    public bool Explain { get; init; }

    /// <summary>Answers to comment commands, shown once in the note.</summary>
    public IReadOnlyList<NoteReply> Replies { get; init; } = [];

    /// <summary>Look at the issue's notes, not the lint-note index (<c>@bot lint</c>, or a racing note reported).</summary>
    public bool IgnoreNoteIndex { get; init; }

    public static IssueRequest For(IssueSnapshot listed, DateTimeOffset readAt) =>
        new() { ProjectId = listed.ProjectId, Iid = listed.Iid, Snapshot = new PlanBasis(listed, readAt) };
}
