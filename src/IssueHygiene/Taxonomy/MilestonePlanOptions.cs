namespace IssueHygiene.Taxonomy;

/// <summary>The <c>Milestones</c> configuration section: when <c>serve</c> plans sprint milestones.</summary>
public sealed class MilestonePlanOptions
{
    public const string SectionName = "Milestones";

    /// <summary>
    /// Cron expression (5 fields, read in <c>Schedule:TimeZone</c>) of the sprint milestone planning in <c>serve</c>;
    /// default weekly, Mondays 06:00, ahead of the weekly kickoff. Empty disables it.
    /// </summary>
    public string PlanCron { get; set; } = "0 6 * * 1";
}
