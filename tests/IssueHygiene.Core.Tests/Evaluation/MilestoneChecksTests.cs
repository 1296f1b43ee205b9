using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Issues;

namespace IssueHygiene.Core.Tests.Evaluation;

public sealed class MilestoneChecksTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static IEnumerable<MilestoneRef> SixFridaysAhead() =>
        Enumerable.Range(0, 6).Select(w => Today.AddDays(4 + (7 * w))).Select(d => new MilestoneRef(d.DayNumber, d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), d));

    [Fact]
    public void Check_SixFridaysPlanned_FindsNothing()
    {
        Assert.Empty(MilestoneChecks.Check(SixFridaysAhead().Append(TestData.Backlog), Today, TestData.Handbook));
    }

    [Fact]
    public void Check_FiveFridaysPlanned_SaysSprintsAheadAreMissing()
    {
        var finding = Assert.Single(MilestoneChecks.Check(SixFridaysAhead().Take(5), Today, TestData.Handbook));

        Assert.Equal("sprint-milestones-ahead", finding.Rule);
        Assert.Contains("Only 5 future sprint milestones", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ThursdayTitleOrDueDateMismatch_IsSprintMilestoneFriday()
    {
        MilestoneRef[] milestones = [.. SixFridaysAhead(), new MilestoneRef(1, "2026-12-03"), new MilestoneRef(2, "2026-12-11", new DateOnly(2026, 12, 10))];

        var findings = MilestoneChecks.Check(milestones, Today, TestData.Handbook);

        Assert.Equal(["sprint-milestone-friday", "sprint-milestone-friday"], findings.Select(f => f.Rule));
        Assert.Contains("a Thursday, not a Friday", findings[0].Message, StringComparison.Ordinal);
        Assert.Contains("is due 2026-12-10", findings[1].Message, StringComparison.Ordinal);
    }
}
