using System.Globalization;
using IssueHygiene.Core.Issues;
using IssueHygiene.Core.Policy;
using IssueHygiene.Core.Rules;

namespace IssueHygiene.Core.Evaluation;

/// <summary>
/// The sweep report's milestone-level checks: sprint milestones are named for their Friday (and due that day), and
/// enough of them exist ahead (the handbook: about six weeks).
/// </summary>
public static class MilestoneChecks
{
    public static IReadOnlyList<MilestoneFinding> Check(IEnumerable<MilestoneRef> milestones, DateOnly today, RuleSet rules)
    {
        var findings = new List<MilestoneFinding>();
        var sprint = rules.Milestones.Sprint;
        var friday = rules.SettingsFor(MilestoneRules.SprintMilestoneFriday.Id);
        var ahead = rules.SettingsFor(MilestoneRules.SprintMilestonesAhead.Id);
        var futureSprintDates = new HashSet<DateOnly>();

        foreach (var milestone in milestones.Where(m => m.State == "active"))
        {
            if (sprint.DateOf(milestone.Title) is not { } date)
            {
                continue;
            }

            if (date > today)
            {
                futureSprintDates.Add(date);
            }

            if (friday.Action == RuleAction.Off)
            {
                continue;
            }

            if (date.DayOfWeek != sprint.Weekday)
            {
                findings.Add(new MilestoneFinding(friday.RuleId, friday.Severity,
                    $"Sprint milestone {{0}} names {Iso(date)}, a {date.DayOfWeek}, not a {sprint.Weekday}.", milestone) { Arguments = [milestone.Title] });
            }
            else if (milestone.DueDate is { } due && due != date)
            {
                findings.Add(new MilestoneFinding(friday.RuleId, friday.Severity,
                    $"Sprint milestone {{0}} is due {Iso(due)}, not on the date its title names.", milestone) { Arguments = [milestone.Title] });
            }
        }

        if (ahead.Action != RuleAction.Off && futureSprintDates.Count < sprint.PlanAheadWeeks)
        {
            findings.Add(new MilestoneFinding(ahead.RuleId, ahead.Severity,
                $"Only {futureSprintDates.Count} future sprint milestones exist; the policy plans {sprint.PlanAheadWeeks} weeks ahead.", null));
        }

        return findings;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
