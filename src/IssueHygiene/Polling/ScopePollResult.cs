using IssueHygiene.Sweeping;


namespace IssueHygiene.Polling;

/// <summary>What one poll of one scope did.</summary>
/// <param name="Scope">The scope polled.</param>
/// <param name="UpdatedAfter">The <c>updated_after</c> asked for.</param>
/// <param name="Listed">Issues the list returned (changed ones, plus those in the overlap window).</param>
/// <param name="Queued">New deliveries queued (issue versions not seen before).</param>
/// <param name="Watermark">The scope's watermark after the poll.</param>
/// <param name="Error">Why the poll of this scope failed (its watermark did not move); null when it succeeded.</param>
public sealed record ScopePollResult(SweepScope Scope, DateTimeOffset UpdatedAfter, int Listed, int Queued, DateTimeOffset Watermark, string? Error = null)
{
    public bool Succeeded => Error is null;
}
