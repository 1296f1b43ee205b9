using System.Text;
using IssueHygiene.Processing;

namespace IssueHygiene.Cli;

/// <summary><c>--summary-preview FILE</c>: each scope's summary issue as it would be (or was) written, and one line per scope.</summary>
public static class SummaryPreview
{
    public static string Render(IReadOnlyList<SummaryOutcome> summaries, bool dryRun)
    {
        var text = new StringBuilder();
        foreach (var summary in summaries)
        {
            text.Append("<!-- ").Append(dryRun ? "preview (dry run, not written)" : "as written").Append(": ")
                .Append(summary.Plan.Title.Replace("-->", "- ->", StringComparison.Ordinal)).Append(" -->\n");
            text.Append("# ").Append(Core.Rendering.MarkdownText.Flatten(summary.Plan.Title)).Append("\n\n").Append(summary.Plan.Description).Append("\n\n");
        }

        return summaries.Count == 0 ? "No summary issue: no scope had a project to keep it in.\n" : text.ToString();
    }

    /// <summary>One line saying where the scope's summary issue is and what happened to it.</summary>
    public static string Describe(SummaryOutcome summary)
    {
        var what = summary.Status switch
        {
            ActStatus.Written when summary.Plan.Iid is null => "created",
            ActStatus.Written => "updated",
            ActStatus.Planned => summary.Plan.Iid is null ? "would be created" : "would be updated",
            ActStatus.NothingToDo => "already current",
            ActStatus.BudgetExhausted => "not written (write budget exhausted)",
            _ => "failed: " + summary.Error,
        };
        var where = summary.WebUrl ?? (summary.Iid is { } iid ? $"project {summary.Plan.ProjectId} issue #{iid}" : $"project {summary.Plan.ProjectId}");
        return $"summary issue \"{summary.Plan.Title}\" {what}: {where}";
    }
}
