using System.Globalization;
using System.Text;
using System.Xml;
using IssueHygiene.Core.Policy;

namespace IssueHygiene.Core.Reporting;

/// <summary>
/// The report as JUnit XML, so GitLab's pipeline test widget shows the tracker's hygiene: one test case per checked
/// issue (clean ones pass), with at most one failure each, listing all of the issue's errors and warnings (info findings
/// go to system-out). Issues the rules skip (closed, exempt, in their grace period) are skipped cases.
/// </summary>
public static class JUnitReportRenderer
{
    public static string Render(HygieneReport report)
    {
        using var buffer = new MemoryStream();
        Write(buffer, report);
        return new UTF8Encoding(false).GetString(buffer.ToArray());
    }

    /// <summary>Writes the report to <paramref name="stream"/> as it goes (one test case per issue: never held whole as text).</summary>
    public static void Write(Stream stream, HygieneReport report)
    {
        var cases = report.Issues.Concat(report.CleanIssues)
            .OrderBy(i => HygieneReport.ProjectOf(i.Verdict.Issue), StringComparer.Ordinal).ThenBy(i => i.Verdict.Issue.Iid)
            .ToList();
        var failing = cases.Count(i => i.Verdict.Violations.Any(v => v.Severity >= Severity.Warning));
        var skipped = cases.Count(i => i.Verdict.Status != Evaluation.EvaluationStatus.Evaluated);
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), OmitXmlDeclaration = false };
        using (var xml = XmlWriter.Create(stream, settings))
        {
            xml.WriteStartElement("testsuites");
            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("name", "issue-hygiene");
            xml.WriteAttributeString("tests", cases.Count.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("failures", failing.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("errors", "0");
            xml.WriteAttributeString("skipped", skipped.ToString(CultureInfo.InvariantCulture));
            foreach (var entry in cases)
            {
                var issue = entry.Verdict.Issue;
                xml.WriteStartElement("testcase");
                xml.WriteAttributeString("classname", Clean(HygieneReport.ProjectOf(issue)));
                var title = issue.Confidential ? "(confidential)" : Clean(Secrets.SecretRedactor.Mask(issue.Title));
                xml.WriteAttributeString("name", $"#{issue.Iid} {title}".TrimEnd());
                if (issue.WebUrl is { } url)
                {
                    xml.WriteAttributeString("file", Clean(url));
                }

                if (entry.Verdict.Status != Evaluation.EvaluationStatus.Evaluated)
                {
                    xml.WriteStartElement("skipped");
                    xml.WriteAttributeString("message", JsonReportRenderer.StatusName(entry.Verdict.Status));
                    xml.WriteEndElement();
                }

                var problems = entry.Verdict.Violations.Where(v => v.Severity >= Severity.Warning).ToList();
                if (problems.Count > 0)
                {
                    // One failure per case: GitLab's widget (and most JUnit readers) show only the first anyway.
                    var worst = problems.OrderByDescending(v => v.Severity).First();
                    xml.WriteStartElement("failure");
                    xml.WriteAttributeString("type", worst.Rule);
                    xml.WriteAttributeString("message", problems.Count == 1
                        ? Clean(worst.Message)
                        : $"{problems.Count} findings: {string.Join(", ", problems.Select(v => v.Rule).Distinct())}");
                    xml.WriteString(string.Join("\n", problems.Select(v =>
                        $"{v.Severity.ToString().ToLowerInvariant()} {v.Rule}: {Clean(v.Message)}\n  {Clean(v.Help)}")));
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
    }

    /// <summary>
    /// XML 1.0 cannot carry most control characters, even escaped, and bidirectional or zero-width characters would
    /// make a name read differently: both are shown as <c>U+XXXX</c> (<see cref="Rendering.MarkdownText.Neutralise"/>).
    /// The XML writer escapes markup, so the text is never HTML wherever the report is shown.
    /// </summary>
    private static string Clean(string text) => Rendering.MarkdownText.Neutralise(text);
}
