namespace IssueHygiene.Storage.Sweeps;

/// <summary>Per-scope "updated since" watermarks for incremental sweeps and polling; they only move forward.</summary>
public interface IScopeWatermarks
{
    Task<DateTimeOffset?> GetAsync(string scopeKey, CancellationToken cancellationToken = default);

    /// <summary>Moves the watermark to <paramref name="watermark"/> if that is later than the stored one; true when it moved.</summary>
    Task<bool> AdvanceAsync(string scopeKey, DateTimeOffset watermark, CancellationToken cancellationToken = default);
}
