namespace IssueHygiene.Hosting;

/// <summary>
/// <c>Dashboard:*</c>: the read-only page <c>serve</c> answers at <c>GET /</c>. It has no login of its own: enable it
/// only behind the operator's authenticating proxy.
/// </summary>
public sealed class DashboardOptions
{
    public bool Enabled { get; set; }

    /// <summary>How far back the charts go.</summary>
    public int Days { get; set; } = 90;

    /// <summary>How many recent runs are listed.</summary>
    public int RecentRuns { get; set; } = 15;
}
