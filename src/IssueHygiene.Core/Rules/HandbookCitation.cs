using System.Text;
using IssueHygiene.Core.Policy;

namespace IssueHygiene.Core.Rules;

/// <summary>
/// Where a rule comes from: the handbook section and the exact sentences it enforces (quoted as the handbook words
/// them, Markdown links reduced to their text), so a finding can be checked against the handbook line by line.
/// </summary>
public sealed record HandbookCitation(string Section, IReadOnlyList<string> Quotes)
{
    /// <summary>True for rules from the "Triage process" section, which the handbook marks as not currently in use.</summary>
    public bool IsFromTriageProcess => Section == Handbook.TriageProcess;

    /// <summary>
    /// The sentence a help text ends with: the quotes, the section (linked when the rules file names the handbook's
    /// URL) and, for Triage process rules, that the handbook marks the process as not in use and who enabled it.
    /// </summary>
    public string Render(RuleSet rules, RuleSettings settings)
    {
        var text = new StringBuilder("Handbook, \"").Append(Section).Append('"');
        if (Link(rules.HandbookUrl) is { } link)
        {
            text.Append(" (").Append(link).Append(')');
        }

        text.Append(": ").AppendJoin(" … ", Quotes.Select(q => "\u201C" + q + "\u201D"));
        if (IsFromTriageProcess)
        {
            text.Append(" The handbook marks \"Triage process\" as not currently in use; ").Append(
                settings.Location.Line > 0
                    ? "this team enabled the rule in its rules file."
                    : "the rule is on by default here: set its action to `off` in the rules file to follow the handbook as written.");
        }

        return text.ToString();
    }

    /// <summary>The section's address under <paramref name="handbookUrl"/>, or null (no URL, or a section with no anchor).</summary>
    public Uri? Link(Uri? handbookUrl) =>
        handbookUrl is not null && Handbook.AnchorOf(Section) is { } anchor
            ? new UriBuilder(handbookUrl) { Fragment = anchor }.Uri
            : null;
}
