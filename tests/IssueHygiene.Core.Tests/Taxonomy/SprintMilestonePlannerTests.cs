using IssueHygiene.Core.Issues;
using IssueHygiene.Core.Taxonomy;

namespace IssueHygiene.Core.Tests.Taxonomy;

public sealed class SprintMilestonePlannerTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-11-23", "2026-11-27", 6, "2027-01-01")] // Monday: this week's Friday and five more
    [InlineData("2026-11-27", "2026-11-27", 7, "2027-01-08")] // Friday: today's sprint is current, six lie ahead
    [InlineData("2026-11-28", "2026-12-04", 6, "2027-01-08")] // Saturday: the week's sprint is over
    [InlineData("2026-12-29", "2027-01-01", 6, "2027-02-05")] // across the year boundary
    public void SprintDates_Today_FromThisWeeksFridayUntilSixLieAhead(string today, string first, int count, string last)
    {
        var dates = SprintMilestonePlanner.SprintDates(D(today), DayOfWeek.Friday, 6);

        Assert.Equal(count, dates.Count);
        Assert.Equal(D(first), dates[0]);
        Assert.Equal(D(last), dates[^1]);
        Assert.All(dates, d => Assert.Equal(DayOfWeek.Friday, d.DayOfWeek));
        Assert.Equal(6, dates.Count(d => d > D(today)));
    }

    [Theory]
    [InlineData("2026-11-27", "2026-11-23")]
    [InlineData("2027-01-01", "2026-12-28")]
    [InlineData("2026-11-29", "2026-11-23")] // a Sunday sprint still starts on its week's Monday
    public void WeekStart_SprintDate_IsThatWeeksMonday(string sprintDate, string monday) =>
        Assert.Equal(D(monday), SprintMilestonePlanner.WeekStart(D(sprintDate)));

    [Fact]
    public void Plan_NothingExists_CreatesEachSprintMondayToFridayTitledByTheTemplate()
    {
        var rules = TestData.Load("version: 1\nmilestones:\n  sprint:\n    pattern: 'Sprint (?<date>\\d{4}-\\d{2}-\\d{2})'\n    titleTemplate: 'Sprint {date}'\n    planAheadWeeks: 2\n");

        var plan = SprintMilestonePlanner.Plan([], D("2026-11-23"), rules);

        Assert.Equal(
            [new PlannedSprintMilestone("Sprint 2026-11-27", D("2026-11-23"), D("2026-11-27")), new PlannedSprintMilestone("Sprint 2026-12-04", D("2026-11-30"), D("2026-12-04"))],
            plan.ToCreate);
    }

    [Fact]
    public void Plan_SprintExistsClosedOrUnderAnotherMatchingTitle_IsNotCreatedAgain()
    {
        MilestoneRef[] existing =
        [
            new(1, "2026-11-27", State: "closed"),
            new(2, "Sprint ending 2026-12-04 (kickoff)"),
            new(3, "Backlog"),
        ];

        var plan = SprintMilestonePlanner.Plan(existing, D("2026-11-23"), TestData.Handbook);

        Assert.DoesNotContain(plan.ToCreate, m => m.DueDate == D("2026-11-27") || m.DueDate == D("2026-12-04"));
        Assert.Equal(4, plan.ToCreate.Count);
    }

    [Fact]
    public void Plan_MisdatedSprints_AreProblemsNotCreations()
    {
        MilestoneRef[] existing = [new(1, "2026-12-03"), new(2, "2026-12-11", DueDate: D("2026-12-10"))];

        var plan = SprintMilestonePlanner.Plan(existing, D("2026-11-23"), TestData.Handbook);

        Assert.Equal(2, plan.Problems.Count);
        Assert.All(plan.Problems, p => Assert.Equal("sprint-milestone-friday", p.Rule));
        Assert.DoesNotContain(plan.ToCreate, m => m.DueDate == D("2026-12-11"));
    }

    [Fact]
    public void Plan_AfterCreatingThePlan_PlansNothing()
    {
        var first = SprintMilestonePlanner.Plan([], D("2026-12-22"), TestData.Handbook);
        var created = first.ToCreate.Select((m, i) => new MilestoneRef(i + 1, m.Title, m.DueDate, m.StartDate, GroupId: 1));

        var second = SprintMilestonePlanner.Plan(created, D("2026-12-22"), TestData.Handbook);

        Assert.True(second.IsEmpty);
        Assert.Empty(second.Problems);
    }
}
