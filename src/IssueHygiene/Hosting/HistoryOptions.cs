namespace IssueHygiene.Hosting;

/// <summary><c>History:*</c>: the run history the summary and the dashboard compare against.</summary>
public sealed class HistoryOptions
{
    /// <summary>Runs older than this many days are forgotten after each sweep (0 keeps them all).</summary>
    public int RetentionDays { get; set; } = 400;
}
