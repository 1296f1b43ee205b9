namespace IssueHygiene.Processing;

/// <summary>GitLab accepted a write request but did not do what it was for (no note created, quick actions failed).</summary>
public sealed class WriteRejectedException(string message) : Exception(message);
