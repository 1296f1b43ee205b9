namespace IssueHygiene.GitLabSimulator.Model;

/// <summary>A registered webhook (project or group). The token is sent, never returned by the API.</summary>
internal sealed class SimHook
{
    public required long Id { get; init; }
    public required Uri Url { get; set; }
    public string? Token { get; set; }
    public long? ProjectId { get; init; }
    public long? GroupId { get; init; }
    public bool IssuesEvents { get; set; }
    public bool ConfidentialIssuesEvents { get; set; }
    public bool NoteEvents { get; set; }
    public bool ConfidentialNoteEvents { get; set; }
    public bool MergeRequestsEvents { get; set; }
    public required DateTimeOffset CreatedAt { get; init; }

    private int _consecutiveFailures;

    /// <summary>
    /// GitLab's <c>alert_status</c>: four failed deliveries in a row disable a hook for a while
    /// (<c>temporarily_disabled</c>); a success makes it <c>executable</c> again.
    /// </summary>
    public string AlertStatus => Volatile.Read(ref _consecutiveFailures) >= 4 ? "temporarily_disabled" : "executable";

    public void RecordDelivery(bool succeeded)
    {
        if (succeeded)
        {
            Interlocked.Exchange(ref _consecutiveFailures, 0);
        }
        else
        {
            Interlocked.Increment(ref _consecutiveFailures);
        }
    }
}
