using System.Globalization;
using System.Text.RegularExpressions;

namespace IssueHygiene.Core.Policy;

/// <summary>How sprint milestones are named: the title carries the date of the sprint's last day (a Friday).</summary>
public sealed record SprintPolicy
{
    /// <summary>Matches a sprint title; the named group <c>date</c> (or the whole match) is the date.</summary>
    public required Regex Pattern { get; init; }

    /// <summary>The date's format inside the title (<c>yyyy-MM-dd</c>).</summary>
    public required string DateFormat { get; init; }

    /// <summary>The weekday a sprint date falls on (the handbook: Friday).</summary>
    public DayOfWeek Weekday { get; init; } = DayOfWeek.Friday;

    /// <summary>How many future sprint milestones should exist (the handbook: about six weeks ahead).</summary>
    public int PlanAheadWeeks { get; init; } = 6;

    /// <summary>Title of a new sprint milestone; <c>{date}</c> is replaced by the date in <see cref="DateFormat"/>.</summary>
    public string TitleTemplate { get; init; } = "{date}";

    /// <summary>
    /// The sprint date a milestone title names, or null when the title is not a sprint's (it carries no date). A
    /// title may carry several (<c>2026-11-23 – 2026-11-27</c>): the handbook identifies a sprint by its Friday, so
    /// the date on <see cref="Weekday"/> wins; when none is, the last date (a range's end) does.
    /// </summary>
    public DateOnly? DateOf(string milestoneTitle)
    {
        DateOnly? last = null;
        foreach (Match match in Pattern.Matches(milestoneTitle))
        {
            var group = match.Groups["date"];
            var text = group.Success ? group.Value : match.Value;
            if (!DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                continue;
            }

            if (date.DayOfWeek == Weekday)
            {
                return date;
            }

            last = date;
        }

        return last;
    }

    /// <summary>The title a new sprint milestone for <paramref name="date"/> gets.</summary>
    public string TitleFor(DateOnly date) =>
        TitleTemplate.Replace("{date}", date.ToString(DateFormat, CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
