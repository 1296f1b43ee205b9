namespace IssueHygiene.GitLab;

/// <summary>Echoes a webhook's event UUID on the calls made for it, so GitLab does not call back for our own writes.</summary>
public interface IGitLabEventEcho
{
    /// <summary>While the returned scope lives, calls from this async flow echo <c>X-Gitlab-Event-UUID</c>.</summary>
    EventUuidEchoScope EchoEventUuid(string eventUuid);
}
