namespace IssueHygiene.Polling;

/// <summary>What one <see cref="WatermarkPoll{T}"/> listed and queued, from when, and the watermark it left.</summary>
internal sealed record WatermarkPollResult(DateTimeOffset UpdatedAfter, int Listed, int Queued, DateTimeOffset Watermark);
