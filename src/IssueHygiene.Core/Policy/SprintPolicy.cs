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

    /// <summary>The sprint date a milestone title names, or null when the title is not a sprint's.</summary>
    public DateOnly? DateOf(string milestoneTitle)
    {
        var match = Pattern.Match(milestoneTitle);
        if (!match.Success)
        {
            return null;
        }

        var group = match.Groups["date"];
        var text = group.Success ? group.Value : match.Value;
        return DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;
    }

    /// <summary>The title a new sprint milestone for <paramref name="date"/> gets.</summary>
    public string TitleFor(DateOnly date) =>
        TitleTemplate.Replace("{date}", date.ToString(DateFormat, CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
