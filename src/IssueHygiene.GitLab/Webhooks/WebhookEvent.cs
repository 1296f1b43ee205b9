namespace IssueHygiene.GitLab.Webhooks;

/// <summary>What a webhook delivery turned out to be: a closed set of outcomes, none of them an exception.</summary>
public abstract record WebhookEvent
{
    private WebhookEvent()
    {
    }

    /// <summary>An Issue Hook (or a work item of type Issue), confidential or not.</summary>
    public sealed record Issue(IssueHookPayload Payload) : WebhookEvent;

    /// <summary>A Note Hook on an issue, confidential or not.</summary>
    public sealed record Note(NoteHookPayload Payload) : WebhookEvent;

    /// <summary>A Merge Request Hook.</summary>
    public sealed record MergeRequest(MergeRequestHookPayload Payload) : WebhookEvent;

    /// <summary>A Note Hook on a merge request (commands to the bot).</summary>
    public sealed record MergeRequestNote(NoteHookPayload Payload) : WebhookEvent;

    /// <summary>A Milestone Hook.</summary>
    public sealed record Milestone(MilestoneHookPayload Payload) : WebhookEvent;

    /// <summary>A well-formed delivery this service does not act on (push, MR note, task…).</summary>
    public sealed record Ignored(string Reason) : WebhookEvent;

    /// <summary>A body that is not a GitLab payload of the kind its header claims.</summary>
    public sealed record Malformed(string Error) : WebhookEvent;
}
