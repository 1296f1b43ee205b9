using IssueHygiene.Sweeping;


namespace IssueHygiene.Polling;

/// <summary>What one poll of one scope did.</summary>
/// <param name="Scope">The scope polled.</param>
/// <param name="UpdatedAfter">The <c>updated_after</c> asked for.</param>
/// <param name="Listed">Issues the list returned (changed ones, plus those in the overlap window).</param>
/// <param name="Queued">New deliveries queued (issue versions not seen before).</param>
/// <param name="Watermark">The scope's watermark after the poll.</param>
/// <param name="Error">Why the poll of this scope failed (its watermark did not move); null when it succeeded.</param>
/// <param name="MergeRequestsListed">Merge requests the MR list returned (0 when every MR rule is off).</param>
/// <param name="MergeRequestsQueued">New deliveries queued for merge requests and their comments.</param>
public sealed record ScopePollResult(
    SweepScope Scope, DateTimeOffset UpdatedAfter, int Listed, int Queued, DateTimeOffset Watermark, string? Error = null, int MergeRequestsListed = 0, int MergeRequestsQueued = 0)
{
    public bool Succeeded => Error is null;
}
