using System.Globalization;
using System.Text;
using IssueHygiene.GitLab.Diagnostics;
using IssueHygiene.Storage.Deliveries;

namespace IssueHygiene.Health;

/// <summary>Renders the metrics in the Prometheus text exposition format (version 0.0.4).</summary>
public static class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Render(HygieneMetrics metrics, QueueCounts? queue, GitLabCallStatisticsSnapshot gitLab, ServiceHealthFacts? facts = null)
    {
        facts ??= ServiceHealthFacts.None;
        var text = new StringBuilder();
        text.Append("# HELP issuehygiene_build_info The running build (always 1).\n# TYPE issuehygiene_build_info gauge\n")
            .Append("issuehygiene_build_info{version=\"").Append(Escape(BuildVersion.Short)).Append("\"} 1\n");
        Counter(text, "issuehygiene_deliveries_received_total", "Webhook deliveries that passed the token check (stored, duplicate, ignored or malformed).", metrics.Received);
        Counter(text, "issuehygiene_deliveries_deduplicated_total", "Deliveries whose Idempotency-Key was already stored.", metrics.Deduplicated);
        Counter(text, "issuehygiene_deliveries_processed_total", "Deliveries the lint worker completed.", metrics.Processed);
        Counter(text, "issuehygiene_deliveries_failed_total", "Delivery attempts that failed (retried or dead-lettered).", metrics.Failed);
        Counter(text, "issuehygiene_deliveries_dead_lettered_total", "Deliveries moved to dead letters.", metrics.DeadLettered);
        Labelled(text, "issuehygiene_deliveries_rejected_total", "counter", "Deliveries refused before storing, by reason.", "reason", metrics.RejectedByReason);
        if (queue is not null)
        {
            Gauge(text, "issuehygiene_queue_depth", "Deliveries pending or claimed.", queue.Depth);
            Gauge(text, "issuehygiene_dead_letters", "Deliveries in dead letters.", queue.Dead);
        }

        Counter(text, "issuehygiene_evaluations_total", "Issue evaluations by the lint worker.", metrics.Evaluations);
        Labelled(text, "issuehygiene_findings_total", "counter", "Findings by rule.", "rule", metrics.FindingsByRule);
        Labelled(text, "issuehygiene_writes_total", "counter", "Writes to GitLab by kind.", "kind", metrics.WritesByKind);
        Labelled(text, "issuehygiene_issue_failures_total", "counter",
            "Issues a GitLab error stopped (failed: 403, 409, 5xx after retries; gone: 404), on any path; the run went on.", "outcome", metrics.IssueFailuresByOutcome);

        text.Append("# HELP issuehygiene_gitlab_requests_total GitLab API requests by endpoint and status.\n# TYPE issuehygiene_gitlab_requests_total counter\n");
        foreach (var call in gitLab.Calls)
        {
            text.Append("issuehygiene_gitlab_requests_total{endpoint=\"").Append(Escape(call.Endpoint)).Append("\",status=\"")
                .Append(call.StatusCode.ToString(CultureInfo.InvariantCulture)).Append("\"} ").Append(call.Count.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        Counter(text, "issuehygiene_rate_limit_wait_seconds_total", "Time spent waiting for GitLab's rate limits.", gitLab.RateLimitWait.TotalSeconds);
        Counter(text, "issuehygiene_rate_limited_responses_total", "429 answers from GitLab.", gitLab.RateLimitedResponses);
        if (metrics.LastSweepDuration is { } sweep)
        {
            Gauge(text, "issuehygiene_sweep_duration_seconds", "Duration of the last sweep.", sweep.TotalSeconds);
        }

        if (metrics.LastSweepFailedIssues is { } failedIssues)
        {
            Gauge(text, "issuehygiene_sweep_failed_issues", "Issues the last sweep could not process (listed in its report's failures).", failedIssues);
        }

        text.Append("# HELP issuehygiene_last_successful_sweep_timestamp_seconds When the last successful sweep of the scope started (Unix time).\n")
            .Append("# TYPE issuehygiene_last_successful_sweep_timestamp_seconds gauge\n");
        foreach (var (scope, start) in facts.LastSuccessfulSweeps.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            text.Append("issuehygiene_last_successful_sweep_timestamp_seconds{scope=\"").Append(Escape(scope)).Append("\"} ")
                .Append((start.ToUnixTimeMilliseconds() / 1000.0).ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        if (facts.GitLabUp is { } up)
        {
            Gauge(text, "issuehygiene_gitlab_up", "1 when GitLab answered the last check with a valid token, else 0.", up ? 1 : 0);
        }

        return text.ToString();
    }

    private static void Counter(StringBuilder text, string name, string help, long value) =>
        text.Append("# HELP ").Append(name).Append(' ').Append(help).Append("\n# TYPE ").Append(name).Append(" counter\n")
            .Append(name).Append(' ').Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');

    private static void Counter(StringBuilder text, string name, string help, double value) =>
        text.Append("# HELP ").Append(name).Append(' ').Append(help).Append("\n# TYPE ").Append(name).Append(" counter\n")
            .Append(name).Append(' ').Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');

    private static void Gauge(StringBuilder text, string name, string help, double value) =>
        text.Append("# HELP ").Append(name).Append(' ').Append(help).Append("\n# TYPE ").Append(name).Append(" gauge\n")
            .Append(name).Append(' ').Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');

    private static void Labelled(StringBuilder text, string name, string type, string help, string label, IEnumerable<KeyValuePair<string, long>> values)
    {
        text.Append("# HELP ").Append(name).Append(' ').Append(help).Append("\n# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
        foreach (var (key, value) in values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            text.Append(name).Append('{').Append(label).Append("=\"").Append(Escape(key)).Append("\"} ")
                .Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
    }

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
