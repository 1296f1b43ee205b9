using System.Text;

namespace IssueHygiene.Core.Secrets;

/// <summary>Replaces each finding's value in the text it was found in with <c>[REDACTED]</c>.</summary>
public static class SecretRedactor
{
    public const string Replacement = "[REDACTED]";

    /// <summary>
    /// <paramref name="text"/> as reports and dry runs may show it: each credential replaced by its masked form
    /// (<c>glpat-[MASKED]</c>). Text without one is returned as it is.
    /// </summary>
    public static string Mask(string text)
    {
        var findings = SecretScanner.Scan(text, SecretLocation.Title);
        if (findings.Count == 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var at = 0;
        foreach (var finding in findings)
        {
            builder.Append(text, at, finding.Start - at).Append(finding.Masked);
            at = finding.End;
        }

        return builder.Append(text, at, text.Length - at).ToString();
    }

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
