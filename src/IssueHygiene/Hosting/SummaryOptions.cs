namespace IssueHygiene.Hosting;

/// <summary><c>Summary:*</c>: the per-scope summary issue (title and marker label are in the rules file).</summary>
public sealed class SummaryOptions
{
    /// <summary>
    /// Keep a summary issue per scope. Null (the default): on whenever writes are (<c>DryRun=false</c>), since one issue
    /// per scope is low noise; false turns it off.
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>
    /// The project (id or path) the summary issue lives in. Default: the scope itself for a project scope; for a group,
    /// the project with the lowest id among those swept.
    /// </summary>
    public string? Project { get; set; }

    /// <summary>Where the full report is (e.g. the CI job's artifact URL): linked when the summary's lists are cut.</summary>
    public string? ReportUrl { get; set; }

    public bool IsOn(bool dryRun) => Enabled ?? !dryRun;
}
