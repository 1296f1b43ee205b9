namespace IssueHygiene.Health;

/// <summary>
/// What <c>/metrics</c> reports besides the counters: per sweep scope, when the last successful sweep started (from
/// the shared store, so every replica reports the fleet's sweeps), and whether GitLab answered the last check.
/// </summary>
public sealed record ServiceHealthFacts(IReadOnlyDictionary<string, DateTimeOffset> LastSuccessfulSweeps, bool? GitLabUp)
{
    public static ServiceHealthFacts None { get; } = new(new Dictionary<string, DateTimeOffset>(), null);
}
