namespace IssueHygiene.Hosting;

/// <summary>
/// The service's own settings (docs/architecture.md §6), bound from the configuration root: <c>appsettings.json</c>, then
/// environment variables <c>IssueHygiene__…</c>, then the command line.
/// </summary>
public sealed class HygieneOptions
{
    /// <summary>Plan and report, write nothing. The default for new installations: turn it off deliberately.</summary>
    public bool DryRun { get; set; } = true;

    /// <summary><c>quick-actions</c> (default) or <c>api</c>.</summary>
    public string FixMode { get; set; } = "quick-actions";

    /// <summary>The blast radius of one sweep: more writes than this stop it (exit 1).</summary>
    public int MaxWritesPerRun { get; set; } = 50;

    public ScopesOptions Scopes { get; set; } = new();

    public RulesOptions Rules { get; set; } = new();

    public ScheduleOptions Schedule { get; set; } = new();

    public WebhookOptions Webhook { get; set; } = new();

    public PollOptions Poll { get; set; } = new();

    public SummaryOptions Summary { get; set; } = new();

    public HistoryOptions History { get; set; } = new();

    public DashboardOptions Dashboard { get; set; } = new();
}

public sealed class ScopesOptions
{
    /// <summary>Group ids or full paths whose issues (subgroups included) are swept.</summary>
    public List<string> Groups { get; set; } = [];

    /// <summary>Project ids or full paths.</summary>
    public List<string> Projects { get; set; } = [];
}

public sealed class RulesOptions
{
    /// <summary>The rules file; default <c>rules/handbook.yml</c>.</summary>
    public string? Path { get; set; }
}

public sealed class ScheduleOptions
{
    /// <summary>Cron expression of the nightly sweep (5 fields); empty disables it.</summary>
    public string Cron { get; set; } = "0 3 * * *";

    /// <summary>IANA time zone the cron expression is read in.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>When the process was down at the scheduled time, sweep once at start-up (off unless configured).</summary>
    public bool RunMissed { get; set; }

    /// <summary>Sweep only issues updated since the last successful sweep (plus newly overdue sprints).</summary>
    public bool Incremental { get; set; }

    /// <summary>
    /// How long the sweep lease lives without renewal: a replica that dies mid-sweep is taken over by a watching
    /// replica this long after its last renewal (renewed every third of it).
    /// </summary>
    public TimeSpan LeaseTtl { get; set; } = TimeSpan.FromMinutes(2);
}

public sealed class WebhookOptions
{
    /// <summary>Accepted <c>X-Gitlab-Token</c> values (several during a rotation).</summary>
    public List<string> Secrets { get; set; } = [];

    /// <summary>A single secret (added to <see cref="Secrets"/>).</summary>
    public string? Secret { get; set; }

    /// <summary>Development only: accept deliveries without a secret (logged loudly).</summary>
    public bool AllowInsecure { get; set; }

    /// <summary>
    /// The full URL GitLab posts to (<c>https://hygiene.example.com/webhooks/gitlab</c>): <c>doctor</c> checks that each
    /// scope has a webhook with it. Null: the webhook is not checked (e.g. a sweep-only installation).
    /// </summary>
    public string? PublicUrl { get; set; }
}

public sealed class PollOptions
{
    /// <summary>How often to poll for changed issues; null (default) disables polling.</summary>
    public TimeSpan? Interval { get; set; }
}
