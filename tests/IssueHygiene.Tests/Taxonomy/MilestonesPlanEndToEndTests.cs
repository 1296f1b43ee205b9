using System.Globalization;
using IssueHygiene.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace IssueHygiene.Tests.Taxonomy;

/// <summary><c>milestones plan</c> against the simulator, on a clock the test chooses.</summary>
public sealed class MilestonesPlanEndToEndTests
{
    // The simulator seeds sprint milestones around its clock: seeded in June, none of them reach December.
    private static readonly DateTimeOffset SeededAt = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static async Task<(TaxonomyHarness Harness, FakeTimeProvider Clock)> StartAtAsync(DateTimeOffset now)
    {
        var clock = new FakeTimeProvider(SeededAt);
        var harness = await TaxonomyHarness.StartAsync(clock);
        clock.SetUtcNow(now);
        return (harness, clock);
    }

    private static List<string> SprintTitlesAfter(TaxonomyHarness harness, DateOnly after) =>
        [.. harness.Simulator.State.Milestones()
            .Where(m => m.GroupId == harness.GroupId && DateOnly.TryParseExact(m.Title, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d > after)
            .Select(m => m.Title)
            .Order(StringComparer.Ordinal)];

    [Fact]
    public async Task MilestonesPlan_AcrossTheYearBoundary_CreatesFridaysFromMondayToFriday()
    {
        // Tuesday 22 December 2026: this week's sprint ends on Christmas Day, the next one on New Year's Day.
        var (harness, _) = await StartAtAsync(new DateTimeOffset(2026, 12, 22, 10, 0, 0, TimeSpan.Zero));
        await using var _ = harness;

        var (exit, output, error) = await harness.RunAsync(harness.Configuration(dryRun: false), "milestones", "plan");

        Assert.True(exit == ExitCodes.Clean, output + error);
        Assert.Equal(["2026-12-25", "2027-01-01", "2027-01-08", "2027-01-15", "2027-01-22", "2027-01-29"], SprintTitlesAfter(harness, new DateOnly(2026, 12, 1)));
        var newYear = Assert.Single(harness.Simulator.State.Milestones(), m => m.Title == "2027-01-01");
        Assert.Equal(new DateOnly(2026, 12, 28), newYear.StartDate);
        Assert.Equal(new DateOnly(2027, 1, 1), newYear.DueDate);
        Assert.Equal(harness.GroupId, newYear.GroupId);
    }

    [Fact]
    public async Task MilestonesPlan_TimeZoneAheadOfUtc_PlansFromTheLocalDate()
    {
        // 12:00 UTC on Thursday 24 December is already Friday 25 December, 01:00, in Auckland (UTC+13):
        // the local sprint ends today, so six more lie ahead, one further than a UTC reading would plan.
        var (harness, _) = await StartAtAsync(new DateTimeOffset(2026, 12, 24, 12, 0, 0, TimeSpan.Zero));
        await using var _ = harness;
        var rules = harness.RulesFile(text => text.Replace("timeZone: UTC", "timeZone: Pacific/Auckland", StringComparison.Ordinal));

        var (exit, output, error) = await harness.RunAsync(harness.Configuration(dryRun: false, rulesPath: rules), "milestones", "plan");

        Assert.True(exit == ExitCodes.Clean, output + error);
        Assert.Contains("today 2026-12-25", output, StringComparison.Ordinal);
        Assert.Equal(["2026-12-25", "2027-01-01", "2027-01-08", "2027-01-15", "2027-01-22", "2027-01-29", "2027-02-05"], SprintTitlesAfter(harness, new DateOnly(2026, 12, 1)));
    }

    [Fact]
    public async Task MilestonesPlan_SecondRun_WritesNothing()
    {
        var (harness, _) = await StartAtAsync(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await using var _ = harness;
        var first = await harness.RunAsync(harness.Configuration(dryRun: false), "milestones", "plan");
        Assert.True(first.Exit == ExitCodes.Clean, first.Out + first.Err);
        var writes = harness.NonGetRequests();
        Assert.Equal(6, writes);

        var (exit, output, error) = await harness.RunAsync(harness.Configuration(dryRun: false), "milestones", "plan");

        Assert.True(exit == ExitCodes.Clean, output + error);
        Assert.Equal(writes, harness.NonGetRequests());
        Assert.Contains("all 6 sprint milestones exist", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MilestonesPlan_DryRun_WritesNothingAndListsWhatItWouldCreate()
    {
        var (harness, _) = await StartAtAsync(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await using var _ = harness;
        var before = harness.Simulator.State.Milestones().Count;

        var (exit, output, _) = await harness.RunAsync(harness.Configuration(dryRun: false), "milestones", "plan", "--dry-run");

        Assert.Equal(ExitCodes.Violations, exit);
        Assert.Equal(0, harness.NonGetRequests());
        Assert.Equal(before, harness.Simulator.State.Milestones().Count);
        Assert.Contains("would create \"2026-11-27\" (2026-11-23 to 2026-11-27)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MilestonesPlan_DryRunIsTheDefaultConfiguration()
    {
        var (harness, _) = await StartAtAsync(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await using var _ = harness;
        var configuration = harness.Configuration(dryRun: false);
        configuration.Remove("DryRun");

        var (_, _, error) = await harness.RunAsync(configuration, "milestones", "plan");

        Assert.Equal(0, harness.NonGetRequests());
        Assert.Contains("dry run", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MilestonesPlan_SprintNamedForAThursdayOrDueAnotherDay_IsReportedAndExitsOne()
    {
        var (harness, _) = await StartAtAsync(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await using var _ = harness;
        await harness.CreateGroupMilestoneAsync("2026-12-03");
        await harness.CreateGroupMilestoneAsync("2026-12-11", dueDate: "2026-12-10");

        var (exit, output, _) = await harness.RunAsync(harness.Configuration(dryRun: false), "milestones", "plan");

        Assert.Equal(ExitCodes.Violations, exit);
        Assert.Contains("sprint-milestone-friday: Sprint milestone \"2026-12-03\" names 2026-12-03, a Thursday, not a Friday.", output, StringComparison.Ordinal);
        Assert.Contains("sprint-milestone-friday: Sprint milestone \"2026-12-11\" is due 2026-12-10", output, StringComparison.Ordinal);
        // The Friday is planned by its date, so the misdated "2026-12-11" still counts as that sprint.
        Assert.DoesNotContain("\"2026-12-11\" (", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MilestonesPlan_WriteBudgetSmallerThanThePlan_StopsAndExitsOne()
    {
        var (harness, _) = await StartAtAsync(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await using var _ = harness;

        var (exit, output, _) = await harness.RunAsync(harness.Configuration(dryRun: false, maxWrites: 2), "milestones", "plan");

        Assert.Equal(ExitCodes.Violations, exit);
        Assert.Equal(2, harness.NonGetRequests());
        Assert.Contains("write budget", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_BeforeAndAfterMilestonesPlan_ShowsThenClearsSprintMilestonesAhead()
    {
        var (harness, _) = await StartAtAsync(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await using var _ = harness;

        var before = await harness.RunAsync(harness.Configuration(dryRun: true), "report", "--format", "json");
        await harness.RunAsync(harness.Configuration(dryRun: false), "milestones", "plan");
        var after = await harness.RunAsync(harness.Configuration(dryRun: true), "report", "--format", "json");

        Assert.Contains(MilestoneRules(before.Out), r => r == "sprint-milestones-ahead");
        Assert.DoesNotContain(MilestoneRules(after.Out), r => r == "sprint-milestones-ahead");
    }

    private static List<string?> MilestoneRules(string reportJson) =>
        [.. System.Text.Json.JsonDocument.Parse(reportJson).RootElement.GetProperty("milestones").EnumerateArray().Select(f => f.GetProperty("rule").GetString())];
}
