using System.Globalization;

namespace IssueHygiene.Core.Policy.Loading;

/// <summary>Durations as people write them in a rules file: <c>1h</c>, <c>90m</c>, <c>2d</c>, <c>30s</c>, <c>01:00:00</c>, <c>0</c>.</summary>
public static class DurationText
{
    public static bool TryParse(string text, out TimeSpan value)
    {
        value = default;
        text = text.Trim();
        if (text == "0")
        {
            return true;
        }

        if (text.Contains(':', StringComparison.Ordinal))
        {
            return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value) && value >= TimeSpan.Zero;
        }

        if (text.Length < 2 || !double.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }

        switch (text[^1])
        {
            case 's': value = TimeSpan.FromSeconds(amount); return true;
            case 'm': value = TimeSpan.FromMinutes(amount); return true;
            case 'h': value = TimeSpan.FromHours(amount); return true;
            case 'd': value = TimeSpan.FromDays(amount); return true;
            default: return false;
        }
    }
}
