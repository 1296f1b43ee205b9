namespace IssueHygiene.Core.Evaluation;

/// <summary>
/// The milestones and labels that exist for an issue's project, fetched once per scope per run. A fix only names
/// things found here (GitLab's <c>/label</c> silently skips unknown labels); offline nothing is known and fixes are
/// planned from the rules file alone.
/// </summary>
public sealed record TrackerCatalog(MilestoneCatalog Milestones, IReadOnlySet<string>? Labels)
{
    public static TrackerCatalog Unknown { get; } = new(MilestoneCatalog.Unknown, null);

    /// <summary>True when a fix may add this label: it exists, or nothing is known.</summary>
    public bool MayUseLabel(string name) => Labels is null || Labels.Contains(name);
}
