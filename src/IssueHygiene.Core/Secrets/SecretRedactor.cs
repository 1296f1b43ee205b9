using System.Text;

namespace IssueHygiene.Core.Secrets;

/// <summary>Replaces each finding's value in the text it was found in with <c>[REDACTED]</c>.</summary>
public static class SecretRedactor
{
    public const string Replacement = "[REDACTED]";

    /// <summary>
    /// The text with every finding's span replaced. <paramref name="findings"/> must come from scanning exactly this
    /// text (offsets are positions in it); they are sorted and never overlap, as the scanner returns them.
    /// </summary>
    public static string Redact(string text, IEnumerable<SecretFinding> findings)
    {
        var builder = new StringBuilder(text.Length);
        var at = 0;
        foreach (var finding in findings.OrderBy(f => f.Start))
        {
            if (finding.Start < at || finding.End > text.Length)
            {
                throw new ArgumentException("findings overlap or do not belong to this text", nameof(findings));
            }

            builder.Append(text, at, finding.Start - at).Append(Replacement);
            at = finding.End;
        }

        return builder.Append(text, at, text.Length - at).ToString();
    }
}
