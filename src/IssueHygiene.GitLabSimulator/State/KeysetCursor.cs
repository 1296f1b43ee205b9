using System.Globalization;
using System.Text;

namespace IssueHygiene.GitLabSimulator.State;

/// <summary>The opaque <c>cursor</c> of keyset pagination: the last row's sort key and id.</summary>
internal sealed record KeysetCursor(long Key, long Id)
{
    public string Encode() => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Key}|{Id}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static KeysetCursor? TryDecode(string text)
    {
        try
        {
            var padded = text.Replace('-', '+').Replace('_', '/');
            padded = padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '=');
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split('|');
            return parts.Length == 2
                && long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var key)
                && long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)
                ? new KeysetCursor(key, id)
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
