using System.Globalization;
using System.Text;
using System.Xml;
using IssueHygiene.Core.Policy;

namespace IssueHygiene.Core.Reporting;

/// <summary>
/// The report as JUnit XML, so GitLab's pipeline test widget shows the tracker's hygiene: one test case per issue
/// listed, one failure per error or warning (info findings go to system-out). Clean issues are counted as passing
/// cases only in the totals (they are not listed, like the other formats).
/// </summary>
public static class JUnitReportRenderer
{
    public static string Render(HygieneReport report)
    {
        var listed = report.Issues.Where(i => i.Verdict.Violations.Count > 0).ToList();
        var failing = listed.Count(i => i.Verdict.Violations.Any(v => v.Severity >= Severity.Warning));
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), OmitXmlDeclaration = false };
        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(new StringWriterWithEncoding(text), settings))
        {
            xml.WriteStartElement("testsuites");
            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("name", "issue-hygiene");
            xml.WriteAttributeString("tests", listed.Count.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("failures", failing.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("errors", "0");
            foreach (var entry in listed)
            {
                var issue = entry.Verdict.Issue;
                xml.WriteStartElement("testcase");
                xml.WriteAttributeString("classname", Clean(issue.ProjectPath ?? $"project-{issue.ProjectId}"));
                xml.WriteAttributeString("name", $"#{issue.Iid} {Clean(Secrets.SecretRedactor.Mask(issue.Title))}".TrimEnd());
                if (issue.WebUrl is { } url)
                {
                    xml.WriteAttributeString("file", Clean(url));
                }

                foreach (var violation in entry.Verdict.Violations.Where(v => v.Severity >= Severity.Warning))
                {
                    xml.WriteStartElement("failure");
                    xml.WriteAttributeString("type", violation.Rule);
                    xml.WriteAttributeString("message", Clean(violation.Message));
                    xml.WriteString($"{violation.Severity.ToString().ToLowerInvariant()} {violation.Rule}: {Clean(violation.Message)}\n{Clean(violation.Help)}");
                    xml.WriteEndElement();
                }

                var info = entry.Verdict.Violations.Where(v => v.Severity == Severity.Info).ToList();
                if (info.Count > 0)
                {
                    xml.WriteElementString("system-out", string.Join("\n", info.Select(v => $"info {v.Rule}: {Clean(v.Message)}")));
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        return text.ToString();
    }

    /// <summary>
    /// XML 1.0 cannot carry most control characters, even escaped, and bidirectional or zero-width characters would
    /// make a name read differently: both are shown as <c>U+XXXX</c> (<see cref="Rendering.MarkdownText.Neutralise"/>).
    /// The XML writer escapes markup, so the text is never HTML wherever the report is shown.
    /// </summary>
    private static string Clean(string text) => Rendering.MarkdownText.Neutralise(text);

    private sealed class StringWriterWithEncoding(StringBuilder builder) : StringWriter(builder, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
