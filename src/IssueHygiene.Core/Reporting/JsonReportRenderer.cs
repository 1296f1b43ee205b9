using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using IssueHygiene.Core.Evaluation;

namespace IssueHygiene.Core.Reporting;

/// <summary>
/// The JSON forms (contract, docs/architecture.md §5): the report <c>{"schemaVersion":2,"scopes":[…],"budgetExhausted":…,"totals":{…},"issues":[…]}</c> and the verdict of
/// <c>lint --format json</c> <c>{"violations":[…],"quickActions":[…]}</c>. Extra keys only ever extend them.
/// </summary>
public static class JsonReportRenderer
{
    // Reports are files and terminal output, never embedded in HTML: keep quotes and non-ASCII readable.
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // Written out whenever this much is pending: the report is streamed, never held whole.
    private const int FlushBytes = 64 * 1024;

    public static string RenderReport(HygieneReport report)
    {
        using var buffer = new MemoryStream();
        WriteReport(buffer, report);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>
    /// Writes the report to <paramref name="stream"/> as it goes: a 100,000-issue report is about 70 MB of JSON, which
    /// must not also exist in memory as a buffer, an array and a string before it reaches the file.
    /// </summary>
    public static void WriteReport(Stream stream, HygieneReport report)
    {
        using var json = new Utf8JsonWriter(stream, Options);
        WriteReport(json, report);
    }

    private static void WriteReport(Utf8JsonWriter json, HygieneReport report)
    {
        json.WriteStartObject();
        json.WriteNumber("schemaVersion", HygieneReport.SchemaVersion);
        json.WriteStartArray("scopes");
        foreach (var scope in report.Scopes)
        {
            json.WriteStringValue(scope);
        }

        json.WriteEndArray();
        json.WriteBoolean("budgetExhausted", report.BudgetExhausted);
        json.WriteStartObject("totals");
        json.WriteNumber("issues", report.IssueCount);
        json.WriteStartObject("byRule");
        foreach (var (rule, count) in report.ByRule)
        {
            json.WriteNumber(rule, count);
        }

        json.WriteEndObject();
        // Added keys (the contract only ever grows): what this run's fixes resolved, and what was skipped and why.
        json.WriteStartObject("fixedByRule");
        foreach (var (rule, count) in report.FixedByRule)
        {
            json.WriteNumber(rule, count);
        }

        json.WriteEndObject();
        json.WriteStartObject("skipped");
        foreach (var (reason, count) in report.Skipped)
        {
            json.WriteNumber(reason, count);
        }

        json.WriteEndObject();
        json.WriteStartObject("bySeverity");
        foreach (var severity in new[] { Policy.Severity.Error, Policy.Severity.Warning, Policy.Severity.Info })
        {
            json.WriteNumber(severity.ToString().ToLowerInvariant(), report.CountOf(severity));
        }

        json.WriteEndObject();
        json.WriteNumber("writes", report.WriteCount);
        json.WriteBoolean("dryRun", report.DryRun);
        if (report.Budget is { } budget)
        {
            json.WriteBoolean("budgetStopped", budget.Stopped);
            json.WriteStartObject("budget");
            if (budget.Limit is { } limit)
            {
                json.WriteNumber("limit", limit);
            }
            else
            {
                json.WriteNull("limit");
            }

            json.WriteNumber("withinBudget", budget.WithinBudget);
            json.WriteNumber("planned", budget.Planned);
            json.WriteEndObject();
        }

        json.WriteNumber("failedIssues", report.Failures.Count);
        json.WriteStartObject("byProject");
        foreach (var (project, count) in report.IssuesByProject)
        {
            json.WriteNumber(project, count);
        }

        json.WriteEndObject();
        json.WriteEndObject();

        if (report.Change is { } change)
        {
            json.WriteStartObject("change");
            json.WriteString("previousAt", change.PreviousAt);
            json.WriteNumber("previousTotal", change.PreviousTotal);
            json.WriteNumber("new", change.New);
            json.WriteNumber("resolved", change.Resolved);
            json.WriteEndObject();
        }

        json.WriteStartArray("issues");
        foreach (var entry in report.Issues)
        {
            var issue = entry.Verdict.Issue;
            json.WriteStartObject();
            json.WriteNumber("projectId", issue.ProjectId);
            json.WriteNumber("iid", issue.Iid);
            json.WriteString("webUrl", issue.WebUrl);
            json.WriteString("projectPath", issue.ProjectPath);
            json.WriteBoolean("confidential", issue.Confidential);
            // A report artifact can be read by more people than the issue: a confidential issue's title stays out.
            if (!issue.Confidential)
            {
                json.WriteString("title", Secrets.SecretRedactor.Mask(issue.Title));
            }

            json.WriteString("skipped", HygieneReport.SkipReason(entry.Verdict));
            WriteViolations(json, entry.Verdict, HygieneReport.FixesApplied(entry.Verdict, entry.PlannedWrites));
            json.WriteStartArray("plannedWrites");
            foreach (var write in entry.PlannedWrites)
            {
                WriteWrite(json, write);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            if (json.BytesPending > FlushBytes)
            {
                json.Flush();
            }
        }

        json.WriteEndArray();

        json.WriteStartArray("failures");
        foreach (var failure in report.Failures)
        {
            json.WriteStartObject();
            json.WriteNumber("projectId", failure.ProjectId);
            json.WriteNumber("iid", failure.Iid);
            json.WriteBoolean("gone", failure.Gone);
            json.WriteString("error", failure.Error);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("milestones");
        foreach (var finding in report.MilestoneFindings)
        {
            json.WriteStartObject();
            json.WriteString("rule", finding.Rule);
            json.WriteString("severity", finding.Severity.ToString().ToLowerInvariant());
            json.WriteString("message", finding.Message);
            if (finding.Milestone is { } milestone)
            {
                json.WriteString("milestone", milestone.Title);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();

        // "Code review" findings (additive: readers of schema version 2 ignore an unknown member).
        json.WriteStartObject("mergeRequests");
        json.WriteNumber("checked", report.MergeRequestCount);
        json.WriteStartArray("withFindings");
        foreach (var entry in report.MergeRequests)
        {
            json.WriteStartObject();
            json.WriteNumber("projectId", entry.ProjectId);
            json.WriteString("project", entry.ProjectPath);
            json.WriteNumber("iid", entry.Iid);
            json.WriteString("title", entry.Title);
            json.WriteString("state", entry.State.ToString().ToLowerInvariant());
            json.WriteString("webUrl", entry.WebUrl);
            WriteViolations(json, entry.Violations);
            json.WriteStartArray("writes");
            foreach (var write in entry.Writes)
            {
                json.WriteStringValue(write.Kind.ToString());
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>
    /// The verdict of one issue, as <c>lint --format json</c> prints it — one shape offline and online: offline nothing
    /// is planned (no GitLab to compare with), so <c>plannedWrites</c> is empty and <c>dryRun</c> true.
    /// </summary>
    public static string RenderVerdict(Verdict verdict, IReadOnlyList<PlannedWrite>? plannedWrites = null, bool dryRun = true)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("status", StatusName(verdict.Status));
            json.WriteString("skipped", HygieneReport.SkipReason(verdict));
            WriteViolations(json, verdict, fixesApplied: false);
            json.WriteStartArray("quickActions");
            foreach (var action in verdict.QuickActions)
            {
                json.WriteStringValue(action.Render());
            }

            json.WriteEndArray();
            json.WriteStartArray("plannedWrites");
            foreach (var write in plannedWrites ?? [])
            {
                WriteWrite(json, write);
            }

            json.WriteEndArray();
            json.WriteBoolean("dryRun", dryRun);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static string StatusName(EvaluationStatus status) => status switch
    {
        EvaluationStatus.Evaluated => "evaluated",
        EvaluationStatus.SkippedClosed => "skipped-closed",
        EvaluationStatus.SkippedExempt => "skipped-exempt",
        EvaluationStatus.SkippedWorkItemType => "skipped-work-item-type",
        _ => "skipped-grace-period",
    };

    private static void WriteViolations(Utf8JsonWriter json, Verdict verdict, bool fixesApplied)
    {
        // Violation objects keep exactly their contract keys; what the run fixed and what a person can copy are
        // keys of their own beside the array, always present (empty when there is nothing to say), so every form has
        // the same keys.
        var fixedRules = fixesApplied
            ? verdict.Violations.Where(v => v.Fixes.Count > 0 && !verdict.ViolationsAfterFixes.Contains(v)).Select(v => v.Rule).Distinct().ToList()
            : [];
        json.WriteStartArray("fixedByThisRun");
        foreach (var rule in fixedRules)
        {
            json.WriteStringValue(rule);
        }

        json.WriteEndArray();

        // One entry per fix a person can copy: all of an entry's lines together fix the finding. Entries with `keeps`
        // are alternatives (the line that keeps that label): copy one of them.
        json.WriteStartArray("suggestedQuickActions");
        foreach (var violation in verdict.Violations)
        {
            if (violation.Suggested.Count > 0)
            {
                WriteSuggestion(json, violation.Rule, violation.Suggested, keeps: null);
            }

            foreach (var choice in violation.Choices)
            {
                WriteSuggestion(json, violation.Rule, [choice.Action], choice.Keeps);
            }
        }

        json.WriteEndArray();

        WriteViolations(json, verdict.Violations);
    }

    /// <summary>The <c>violations</c> array: exactly rule, severity and message per finding (the contract for issues and MRs alike).</summary>
    private static void WriteViolations(Utf8JsonWriter json, IReadOnlyList<Violation> violations)
    {
        json.WriteStartArray("violations");
        foreach (var violation in violations)
        {
            json.WriteStartObject();
            json.WriteString("rule", violation.Rule);
            json.WriteString("severity", violation.Severity.ToString().ToLowerInvariant());
            json.WriteString("message", violation.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteSuggestion(Utf8JsonWriter json, string rule, IReadOnlyList<QuickAction> actions, string? keeps)
    {
        json.WriteStartObject();
        json.WriteString("rule", rule);
        json.WriteStartArray("quickActions");
        foreach (var action in actions)
        {
            json.WriteStringValue(action.Render());
        }

        json.WriteEndArray();
        json.WriteString("keeps", keeps);
        json.WriteEndObject();
    }

    private static void WriteWrite(Utf8JsonWriter json, PlannedWrite write)
    {
        json.WriteStartObject();
        json.WriteString("kind", write.Kind.Name());
        if (write.NoteId is { } noteId)
        {
            json.WriteNumber("noteId", noteId);
        }

        if (write.Body is { } body)
        {
            json.WriteString("body", body);
        }

        if (write.QuickActions.Count > 0)
        {
            json.WriteStartArray("quickActions");
            foreach (var action in write.QuickActions)
            {
                json.WriteStringValue(action);
            }

            json.WriteEndArray();
        }

        if (write.RestFields.Count > 0)
        {
            json.WriteStartObject("restFields");
            foreach (var (key, value) in write.RestFields)
            {
                json.WriteString(key, value);
            }

            json.WriteEndObject();
        }

        if (write.Rules.Count > 0)
        {
            json.WriteStartArray("rules");
            foreach (var rule in write.Rules)
            {
                json.WriteStringValue(rule);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }
}
