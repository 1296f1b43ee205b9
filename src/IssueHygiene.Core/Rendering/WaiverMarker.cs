using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using IssueHygiene.Core.Evaluation;

namespace IssueHygiene.Core.Rendering;

/// <summary>
/// A waiver as a hidden, machine-readable comment in the sticky note, so a process without the local store (the
/// scheduled CI report) reads the waivers a developer gave through <c>serve</c> from GitLab itself and does not bring
/// waived findings back. User text (username, reason) is base64url-encoded: it can never close the comment, and no
/// character of it can become a GitLab reference (<c>@</c>, <c>#</c>, <c>%</c>, <c>~</c>) even in raw text.
/// </summary>
public static partial class WaiverMarker
{
    public static string For(RuleWaiver waiver) =>
        $"<!-- issue-hygiene:waiver rule={Encode(waiver.RuleId)} until={waiver.Until?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "none"} "
        + $"by={Encode(waiver.WaivedBy)} reason={Encode(waiver.Reason)} -->";

    private static string Encode(string text) => "b" + Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string? Decode(string text)
    {
        if (!text.StartsWith('b'))
        {
            return null;
        }

        var base64 = text[1..].Replace('-', '+').Replace('_', '/');
        base64 += new string('=', (4 - base64.Length % 4) % 4);
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        }
        catch (FormatException)
        {
            return null;
        }
    }

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
            if (match.Groups["until"].Value != "none")
            {
                if (!DateOnly.TryParseExact(match.Groups["until"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    continue;
                }

                until = date;
            }

            if (Decode(match.Groups["rule"].Value) is { } rule && Decode(match.Groups["reason"].Value) is { } reason && Decode(match.Groups["by"].Value) is { } by)
            {
                waivers.Add(new RuleWaiver(rule, until, reason, by));
            }
        }

        return waivers;
    }

    [GeneratedRegex(@"<!-- issue-hygiene:waiver rule=(?<rule>b[A-Za-z0-9_-]*) until=(?<until>[0-9-]+|none) by=(?<by>b[A-Za-z0-9_-]*) reason=(?<reason>b[A-Za-z0-9_-]*) -->", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
