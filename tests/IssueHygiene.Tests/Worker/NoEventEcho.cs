using IssueHygiene.GitLab;

namespace IssueHygiene.Tests.Worker;

/// <summary>
/// The event-echo role for batches without an <c>X-Gitlab-Event-UUID</c>: the worker must not ask for an echo then
/// (the echo itself is the HTTP client's business, tested with the client).
/// </summary>
internal sealed class NoEventEcho : IGitLabEventEcho
{
    public EventUuidEchoScope EchoEventUuid(string eventUuid) =>
        throw new InvalidOperationException("a batch without an event UUID asked for an echo");
}
