using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Issues;
using IssueHygiene.Core.Policy;
using IssueHygiene.Core.Rules;

namespace IssueHygiene.Core.Taxonomy;

/// <summary>
/// Decides which sprint milestones a group is missing (the handbook: "created about 6 weeks in advance", each
/// "identified by the Friday of the week in question"). Pure: the existing milestones and today in, the plan out.
/// </summary>
public static class SprintMilestonePlanner
{
    /// <summary>
    /// Plans the sprint milestones from this week's sprint date through <see cref="SprintPolicy.PlanAheadWeeks"/> dates
    /// after today, so that afterwards <c>sprint-milestones-ahead</c> holds and a current sprint exists for rollovers.
    /// A date counts as planned when any milestone (active or closed: GitLab would refuse the title again) names it.
    /// </summary>
    public static SprintMilestonePlan Plan(IEnumerable<MilestoneRef> existing, DateOnly today, RuleSet rules)
    {
        var sprint = rules.Milestones.Sprint;
        var milestones = existing.ToList();
        var titles = milestones.Select(m => m.Title).ToHashSet(StringComparer.Ordinal);
        var plannedDates = milestones.Select(m => sprint.DateOf(m.Title)).OfType<DateOnly>().ToHashSet();

        var dates = SprintDates(today, sprint.Weekday, sprint.PlanAheadWeeks);
        var toCreate = dates
            .Where(date => !plannedDates.Contains(date) && !titles.Contains(sprint.TitleFor(date)))
            .Select(date => new PlannedSprintMilestone(sprint.TitleFor(date), WeekStart(date), date))
            .ToList();
        var problems = MilestoneChecks.Check(milestones, today, rules)
            .Where(f => f.Rule == MilestoneRules.SprintMilestoneFriday.Id)
            .ToList();
        return new SprintMilestonePlan(today, dates, toCreate, problems);
    }

    /// <summary>
    /// The sprint dates from this week's on: the first <paramref name="weekday"/> on or after today, then weekly, until
    /// <paramref name="weeksAhead"/> of them lie strictly after today (a sprint ending today is current, not ahead).
    /// </summary>
    public static IReadOnlyList<DateOnly> SprintDates(DateOnly today, DayOfWeek weekday, int weeksAhead)
    {
        var dates = new List<DateOnly>(weeksAhead + 1);
        var next = today.AddDays(((int)weekday - (int)today.DayOfWeek + 7) % 7);
        if (next == today)
        {
            dates.Add(today);
            next = next.AddDays(7);
        }

        for (var week = 0; week < weeksAhead; week++)
        {
            dates.Add(next.AddDays(7 * week));
        }

        return dates;
    }

    /// <summary>The Monday of the sprint date's (ISO) week: the sprint's start date.</summary>
    public static DateOnly WeekStart(DateOnly sprintDate) => sprintDate.AddDays(-(((int)sprintDate.DayOfWeek + 6) % 7));
}
