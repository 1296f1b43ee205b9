using System.Globalization;
using System.Text.RegularExpressions;
using IssueHygiene.Core.Evaluation;

namespace IssueHygiene.Core.Rendering;

/// <summary>
/// A waiver as a hidden, machine-readable comment in the sticky note, so a process without the local store (the
/// scheduled CI report) reads the waivers a developer gave through <c>serve</c> from GitLab itself and does not bring
/// waived findings back. User text (username, reason) is percent-encoded: it can never close the comment.
/// </summary>
public static partial class WaiverMarker
{
    public static string For(RuleWaiver waiver) =>
        $"<!-- issue-hygiene:waiver rule={Uri.EscapeDataString(waiver.RuleId)} until={waiver.Until?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-"} "
        + $"by={Uri.EscapeDataString(waiver.WaivedBy)} reason={Uri.EscapeDataString(waiver.Reason)} -->";

    /// <summary>The waivers a note body records (none when it records none, or was edited into nonsense).</summary>
    public static IReadOnlyList<RuleWaiver> Parse(string? body)
    {
        if (body is null)
        {
            return [];
        }

        var waivers = new List<RuleWaiver>();
        foreach (Match match in Pattern().Matches(body))
        {
            DateOnly? until = null;
            if (match.Groups["until"].Value != "-")
            {
                if (!DateOnly.TryParseExact(match.Groups["until"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    continue;
                }

                until = date;
            }

            waivers.Add(new RuleWaiver(Uri.UnescapeDataString(match.Groups["rule"].Value), until,
                Uri.UnescapeDataString(match.Groups["reason"].Value), Uri.UnescapeDataString(match.Groups["by"].Value)));
        }

        return waivers;
    }

    [GeneratedRegex(@"<!-- issue-hygiene:waiver rule=(?<rule>[^\s>]+) until=(?<until>[^\s>]+) by=(?<by>[^\s>]*) reason=(?<reason>[^\s>]*) -->", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
