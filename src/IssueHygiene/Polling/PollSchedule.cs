namespace IssueHygiene.Polling;

/// <summary>
/// When and how far back <c>serve</c> polls: every <paramref name="Interval"/>, asking for issues updated since the
/// scope's watermark minus <paramref name="Overlap"/>. The overlap absorbs clock skew between GitLab's database and its
/// API nodes and updates that landed while the previous poll was paging; issues it lists again cost nothing but their
/// bytes (their delivery key is already known).
/// </summary>
public sealed record PollSchedule(TimeSpan Interval, TimeSpan Overlap)
{
    /// <summary>The default overlap: far above GitLab's clock skew, far below any interval worth configuring.</summary>
    public static readonly TimeSpan DefaultOverlap = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The lease that lets one replica poll. Held across ticks (renewed at each), so it must outlive a tick by a margin:
    /// a holder that dies loses it after this long, and another replica takes over from the stored watermark.
    /// </summary>
    public TimeSpan LeaseTtl => Interval * 3 > TimeSpan.FromMinutes(2) ? Interval * 3 : TimeSpan.FromMinutes(2);
}
