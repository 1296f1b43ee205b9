namespace IssueHygiene.GitLabSimulator.Model;

/// <summary>A registered webhook (project or group). The token is sent, never returned by the API.</summary>
internal sealed class SimHook
{
    public required long Id { get; init; }
    public required Uri Url { get; init; }
    public string? Token { get; init; }
    public long? ProjectId { get; init; }
    public long? GroupId { get; init; }
    public bool IssuesEvents { get; init; }
    public bool ConfidentialIssuesEvents { get; init; }
    public bool NoteEvents { get; init; }
    public bool ConfidentialNoteEvents { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}
