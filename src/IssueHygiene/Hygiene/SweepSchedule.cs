using Cronos;

namespace IssueHygiene.Hygiene;

/// <summary>
/// When the nightly sweep runs: a cron expression read in a time zone (Cronos handles the DST days: a time that does
/// not exist runs once at the shift, a time that exists twice runs once). Pure: the clock is an argument.
/// </summary>
public sealed class SweepSchedule
{
    private readonly CronExpression _cron;

    private SweepSchedule(CronExpression cron, TimeZoneInfo zone, string text)
    {
        _cron = cron;
        Zone = zone;
        Text = text;
    }

    public TimeZoneInfo Zone { get; }

    public string Text { get; }

    /// <summary>The schedule, or null with a message saying what is wrong.</summary>
    public static SweepSchedule? TryCreate(string cron, string timeZone, out string? error)
    {
        error = null;
        if (!CronExpression.TryParse(cron, CronFormat.Standard, out var expression))
        {
            error = $"Schedule:Cron '{cron}' is not a cron expression (5 fields, e.g. '0 3 * * *')";
            return null;
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone))
        {
            error = $"Schedule:TimeZone '{timeZone}' is not a known time zone";
            return null;
        }

        return new SweepSchedule(expression, zone, cron);
    }

    /// <summary>The first run strictly after <paramref name="now"/>, or null when the expression never fires again.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset now) => _cron.GetNextOccurrence(now, Zone);

    /// <summary>
    /// True when a scheduled time passed between the last successful sweep's start and <paramref name="now"/>
    /// (the process was down then). Never swept: the most recent scheduled time counts as missed.
    /// </summary>
    public bool Missed(DateTimeOffset? lastSweepStart, DateTimeOffset now)
    {
        var from = lastSweepStart ?? now.AddDays(-8);
        return _cron.GetOccurrences(from, now, Zone, fromInclusive: false, toInclusive: true).Any();
    }
}
