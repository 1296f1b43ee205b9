using Cronos;

namespace IssueHygiene.Scheduling;

/// <summary>
/// When a scheduled job runs (the nightly sweep, the weekly milestone plan): a cron expression read in a time zone
/// (Cronos handles the DST days: a time that does not exist runs once at the shift, a time that exists twice runs
/// once). The one place cron and time-zone text are checked. Pure: the clock is an argument.
/// </summary>
public sealed class CronSchedule
{
    private readonly CronExpression _cron;

    private CronSchedule(CronExpression cron, TimeZoneInfo zone, string text)
    {
        _cron = cron;
        Zone = zone;
        Text = text;
    }

    public TimeZoneInfo Zone { get; }

    public string Text { get; }

    /// <summary>
    /// The schedule, or null with a message naming the configuration key that is wrong (<paramref name="cronKey"/>,
    /// <paramref name="timeZoneKey"/>).
    /// </summary>
    public static CronSchedule? TryCreate(string cron, string timeZone, out string? error, string cronKey = "Schedule:Cron", string timeZoneKey = "Schedule:TimeZone")
    {
        error = CronProblem(cron, cronKey) ?? TimeZoneProblem(timeZone, timeZoneKey);
        return error is null
            ? new CronSchedule(CronExpression.Parse(cron, CronFormat.Standard), TimeZoneInfo.FindSystemTimeZoneById(timeZone), cron)
            : null;
    }

    /// <summary>
    /// What is wrong with <paramref name="cron"/> as the value of <paramref name="cronKey"/>, or null when it parses.
    /// Configuration checks use this (and <see cref="TimeZoneProblem"/>) to report both keys at once.
    /// </summary>
    public static string? CronProblem(string cron, string cronKey = "Schedule:Cron") =>
        CronExpression.TryParse(cron, CronFormat.Standard, out _)
            ? null
            : $"{cronKey} '{cron}' is not a cron expression (5 fields, e.g. '0 3 * * *')";

    /// <summary>What is wrong with <paramref name="timeZone"/> as the value of <paramref name="timeZoneKey"/>, or null when it is known.</summary>
    public static string? TimeZoneProblem(string timeZone, string timeZoneKey = "Schedule:TimeZone") =>
        TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _)
            ? null
            : $"{timeZoneKey} '{timeZone}' is not a known time zone";

    /// <summary>The first run strictly after <paramref name="now"/>, or null when the expression never fires again.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset now) => _cron.GetNextOccurrence(now, Zone);

    /// <summary>
    /// True when a scheduled time passed between the last successful run's start and <paramref name="now"/>
    /// (the process was down then). Never run: the most recent scheduled time counts as missed.
    /// </summary>
    public bool Missed(DateTimeOffset? lastStart, DateTimeOffset now)
    {
        var from = lastStart ?? now.AddDays(-8);
        return _cron.GetOccurrences(from, now, Zone, fromInclusive: false, toInclusive: true).Any();
    }
}
