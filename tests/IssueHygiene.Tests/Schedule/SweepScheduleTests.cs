using IssueHygiene.Hosting;
using IssueHygiene.Scheduling;

namespace IssueHygiene.Tests.Schedule;

/// <summary>The nightly schedule: cron in a time zone, DST days, and missed-run detection.</summary>
public sealed class SweepScheduleTests
{
    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("0 3 * * *", "UTC", "2026-11-23T01:00:00Z", "2026-11-23T03:00:00Z")]
    [InlineData("0 3 * * *", "Europe/Amsterdam", "2026-11-23T01:00:00Z", "2026-11-23T02:00:00Z")]
    [InlineData("0 3 * * *", "Europe/Amsterdam", "2026-07-01T12:00:00Z", "2026-07-02T01:00:00Z")]
    [InlineData("0 3 * * 1-5", "UTC", "2026-11-27T04:00:00Z", "2026-11-30T03:00:00Z")]
    // 2027-03-28: Amsterdam jumps from 02:00 to 03:00; 02:30 does not exist and runs once, at the shift.
    [InlineData("30 2 * * *", "Europe/Amsterdam", "2027-03-28T00:00:00Z", "2027-03-28T01:00:00Z")]
    // 2026-10-25: 02:30 happens twice in Amsterdam; it runs once, at the first.
    [InlineData("30 2 * * *", "Europe/Amsterdam", "2026-10-25T00:00:00Z", "2026-10-25T00:30:00Z")]
    public void NextAfter_CronInTimeZone_IsTheExpectedInstant(string cron, string zone, string now, string expected)
    {
        var schedule = CronSchedule.TryCreate(cron, zone, out var error);

        Assert.Null(error);
        Assert.Equal(Utc(expected), schedule!.NextAfter(Utc(now)));
    }

    [Fact]
    public void NextAfter_AmbiguousTimeOnDstDay_RunsOnlyOnce()
    {
        var schedule = CronSchedule.TryCreate("30 2 * * *", "Europe/Amsterdam", out _)!;

        var first = schedule.NextAfter(Utc("2026-10-25T00:00:00Z"))!.Value;
        var second = schedule.NextAfter(first)!.Value;

        Assert.Equal(Utc("2026-10-26T01:30:00Z"), second);
    }

    [Theory]
    [InlineData("2026-11-22T03:00:05Z", "2026-11-23T04:00:00Z", true)]
    [InlineData("2026-11-23T03:00:05Z", "2026-11-23T04:00:00Z", false)]
    [InlineData("2026-11-23T02:59:00Z", "2026-11-23T03:00:00Z", true)]
    [InlineData(null, "2026-11-23T04:00:00Z", true)]
    public void Missed_ScheduledTimeSinceLastSweep_IsMissed(string? lastStart, string now, bool missed)
    {
        var schedule = CronSchedule.TryCreate("0 3 * * *", "UTC", out _)!;

        Assert.Equal(missed, schedule.Missed(lastStart is null ? null : Utc(lastStart), Utc(now)));
    }

    [Theory]
    [InlineData("0 3 * *", "UTC", "is not a cron expression")]
    [InlineData("61 3 * * *", "UTC", "is not a cron expression")]
    [InlineData("0 3 * * *", "Mars/Olympus", "is not a known time zone")]
    public void TryCreate_BadInput_SaysWhich(string cron, string zone, string expected)
    {
        Assert.Null(CronSchedule.TryCreate(cron, zone, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigurationCheck_BadCronAndZone_BothReportedWithTheScheduleTypesMessages()
    {
        CronSchedule.TryCreate("0 3 * *", "UTC", out var cronError);
        CronSchedule.TryCreate("0 3 * * *", "Mars/Olympus", out var zoneError);
        var options = new HygieneOptions { Schedule = new ScheduleOptions { Cron = "0 3 * *", TimeZone = "Mars/Olympus" } };

        var problems = AppConfiguration.Validate(options).Where(p => p.StartsWith("Schedule:", StringComparison.Ordinal));

        Assert.Equal([cronError, zoneError], problems);
    }
}
