namespace IssueHygiene.GitLab;

/// <summary>
/// While alive, every GitLab call made from this async flow carries <c>X-Gitlab-Event-UUID</c> with the
/// delivery's value: GitLab's recursion guard for API calls made while handling a webhook.
/// </summary>
public sealed class EventUuidEchoScope : IDisposable
{
    private static readonly AsyncLocal<string?> CurrentValue = new();
    private readonly string? _previous;
    private bool _disposed;

    internal EventUuidEchoScope(string eventUuid)
    {
        if (!IsValid(eventUuid))
        {
            throw new ArgumentException("An event UUID is 1–64 letters, digits and dashes.", nameof(eventUuid));
        }

        _previous = CurrentValue.Value;
        CurrentValue.Value = eventUuid;
    }

    /// <summary>The UUID to echo in this async flow, or null.</summary>
    public static string? Current => CurrentValue.Value;

    public void Dispose()
    {
        if (!_disposed)
        {
            CurrentValue.Value = _previous;
            _disposed = true;
        }
    }

    // The value comes from a request header: refuse anything that could smuggle another header.
    private static bool IsValid(string value) =>
        value.Length is > 0 and <= 64 && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
