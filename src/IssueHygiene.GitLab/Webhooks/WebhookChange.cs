namespace IssueHygiene.GitLab.Webhooks;

/// <summary>One entry of an Issue Hook's <c>changes</c>: the value before and after.</summary>
public sealed record WebhookChange<T>
{
    public T? Previous { get; init; }

    public T? Current { get; init; }
}
