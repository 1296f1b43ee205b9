namespace IssueHygiene.GitLabSimulator.Webhooks;

internal enum WebhookEventKind
{
    Issue,
    Note,
    MergeRequest,
}
