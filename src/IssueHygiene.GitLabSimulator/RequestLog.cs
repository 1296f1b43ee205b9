using System.Collections.Concurrent;

namespace IssueHygiene.GitLabSimulator;

/// <summary>Every API request the simulator answered, in completion order.</summary>
public sealed class RequestLog
{
    private readonly ConcurrentQueue<RequestLogEntry> _entries = new();

    public IReadOnlyList<RequestLogEntry> Entries => [.. _entries];

    public int Count => _entries.Count;

    public void Clear() => _entries.Clear();

    internal void Add(RequestLogEntry entry) => _entries.Enqueue(entry);
}
