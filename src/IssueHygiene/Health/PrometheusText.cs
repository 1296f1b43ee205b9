using System.Globalization;
using System.Text;
using IssueHygiene.GitLab.Diagnostics;
using IssueHygiene.Storage.Deliveries;

namespace IssueHygiene.Health;

/// <summary>Renders the metrics in the Prometheus text exposition format (version 0.0.4).</summary>
public static class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Render(HygieneMetrics metrics, QueueCounts? queue, GitLabCallStatisticsSnapshot gitLab)
    {
        var text = new StringBuilder();
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

        text.Append("# HELP issuehygiene_gitlab_requests_total GitLab API requests by endpoint and status.\n# TYPE issuehygiene_gitlab_requests_total counter\n");
        foreach (var call in gitLab.Calls)
        {
            text.Append("issuehygiene_gitlab_requests_total{endpoint=\"").Append(Escape(call.Endpoint)).Append("\",status=\"")
                .Append(call.StatusCode.ToString(CultureInfo.InvariantCulture)).Append("\"} ").Append(call.Count.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        Gauge(text, "issuehygiene_rate_limit_wait_seconds_total", "Time spent waiting for GitLab's rate limits.", gitLab.RateLimitWait.TotalSeconds);
        Counter(text, "issuehygiene_rate_limited_responses_total", "429 answers from GitLab.", gitLab.RateLimitedResponses);
        if (metrics.LastSweepDuration is { } sweep)
        {
            Gauge(text, "issuehygiene_sweep_duration_seconds", "Duration of the last sweep.", sweep.TotalSeconds);
        }

        return text.ToString();
    }

    private static void Counter(StringBuilder text, string name, string help, long value) =>
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
