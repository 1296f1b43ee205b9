using IssueHygiene.GitLabSimulator.Api;
using IssueHygiene.GitLabSimulator.State;
using IssueHygiene.GitLabSimulator.Webhooks;

namespace IssueHygiene.GitLabSimulator.Hosting;

/// <summary>The pieces every endpoint needs, created once per simulator.</summary>
internal sealed class SimulatorServices(SimulatorStore store, SimulatorKnobs knobs, WebhookDispatcher webhooks, RequestLog requestLog)
{
    public SimulatorStore Store { get; } = store;
    public SimulatorKnobs Knobs { get; } = knobs;
    public WebhookDispatcher Webhooks { get; } = webhooks;
    public RequestLog RequestLog { get; } = requestLog;
    public GitLabJson Json { get; } = new(store);
    public WebhookPayloads Payloads { get; } = new(store);
    public RateLimiter RateLimiter { get; } = new(store.Clock);
}
