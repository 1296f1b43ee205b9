namespace IssueHygiene.GitLabSimulator;

/// <summary>How to start a simulator. Everything has a default, so <c>new SimulatorOptions()</c> works.</summary>
public sealed record SimulatorOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 picks a free one (read it back from <see cref="SimulatedGitLab.BaseUrl"/>).</summary>
    public int Port { get; init; }

    /// <summary>How many issues the seeded generator creates (0: the handbook seed only, no issues).</summary>
    public int Issues { get; init; }

    /// <summary>Seed of the issue generator and of the fault sequence: same seed, same tracker, same faults.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Whether to create the handbook group, projects, users, labels and sprint milestones at start.</summary>
    public bool SeedHandbook { get; init; } = true;

    /// <summary>Whether the handbook seed also has merge requests (self-merged, doc-only, community, drafts, proper ones).</summary>
    public bool SeedMergeRequests { get; init; }

    /// <summary>The admin (<c>root</c>) personal access token; accepts <c>Sudo</c>.</summary>
    public string AdminToken { get; init; } = "simulator-token";

    /// <summary>The bot user's (<c>issue-hygiene-bot</c>) personal access token.</summary>
    public string BotToken { get; init; } = "bot-token";

    /// <summary>The simulator's clock: "now" for timestamps, sprints, rate-limit windows.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Initial run-time knobs (latency, rate limits, faults, scoped-label exclusivity).</summary>
    public SimulatorKnobsSettings Knobs { get; init; } = new();

    /// <summary>How long a webhook delivery may take before it counts as failed (GitLab: 10 s).</summary>
    public TimeSpan WebhookTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Writes warnings (e.g. failed webhook deliveries) to the console; process mode turns it on.</summary>
    public bool LogToConsole { get; init; }
}
