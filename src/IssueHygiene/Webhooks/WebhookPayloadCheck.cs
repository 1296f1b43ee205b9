using IssueHygiene.GitLab.Webhooks;

namespace IssueHygiene.Webhooks;

/// <summary>
/// What a queued issue or note event must hold beyond parsing: positive project, issue and note ids. A body without
/// them is the sender's mistake and gets a 400 with the reason now, rather than a dead letter later.
/// </summary>
public static class WebhookPayloadCheck
{
    public static WebhookEvent Check(WebhookEvent parsed) => parsed switch
    {
        WebhookEvent.Issue { Payload: var issue } when issue.Project.Id <= 0 => new WebhookEvent.Malformed("project.id must be a positive number."),
        WebhookEvent.Issue { Payload: var issue } when issue.ObjectAttributes.Iid <= 0 => new WebhookEvent.Malformed("object_attributes.iid must be a positive number."),
        WebhookEvent.Note { Payload: var note } when note.Project.Id <= 0 => new WebhookEvent.Malformed("project.id must be a positive number."),
        WebhookEvent.Note { Payload: var note } when note.Issue!.Iid <= 0 => new WebhookEvent.Malformed("issue.iid must be a positive number."),
        WebhookEvent.Note { Payload: var note } when note.ObjectAttributes.Id <= 0 => new WebhookEvent.Malformed("object_attributes.id must be a positive number."),
        WebhookEvent.MergeRequestNote { Payload: var note } when note.Project.Id <= 0 => new WebhookEvent.Malformed("project.id must be a positive number."),
        WebhookEvent.MergeRequestNote { Payload: var note } when note.ObjectAttributes.Id <= 0 => new WebhookEvent.Malformed("object_attributes.id must be a positive number."),
        WebhookEvent.MergeRequest { Payload: var mr } when mr.Project.Id <= 0 => new WebhookEvent.Malformed("project.id must be a positive number."),
        // Closing or unapproving cannot change a verdict: nothing to queue.
        WebhookEvent.MergeRequest { Payload: var mr } when !mr.IsEvaluated => new WebhookEvent.Ignored($"merge request action '{mr.ObjectAttributes.Action}' changes no finding."),
        _ => parsed,
    };
}
