using IssueHygiene.GitLab.Dtos;
using IssueHygiene.GitLab.Webhooks;
using IssueHygiene.Polling;

namespace IssueHygiene.Tests.Polling;

public sealed class PollDeliveryTests
{
    private static readonly DateTimeOffset UpdatedAt = new(2026, 11, 23, 14, 0, 0, 123, TimeSpan.Zero);

    [Fact]
    public void IdempotencyKey_SameIssueVersion_SameKeyWhateverTheOffset()
    {
        var utc = PollDelivery.IdempotencyKey(7, 42, UpdatedAt);
        var shifted = PollDelivery.IdempotencyKey(7, 42, UpdatedAt.ToOffset(TimeSpan.FromHours(2)));

        Assert.Equal("poll:7:42:2026-11-23T14:00:00.1230000Z", utc);
        Assert.Equal(utc, shifted);
    }

    [Fact]
    public void IdempotencyKey_NewerVersion_NewKey()
    {
        Assert.NotEqual(PollDelivery.IdempotencyKey(7, 42, UpdatedAt), PollDelivery.IdempotencyKey(7, 42, UpdatedAt.AddTicks(10)));
        Assert.NotEqual(PollDelivery.IdempotencyKey(7, 42, UpdatedAt), PollDelivery.IdempotencyKey(7, 43, UpdatedAt));
    }

    [Fact]
    public void For_ChangedIssue_NamesTheIssueAndCarriesNoCommands()
    {
        var issue = new GitLabIssue { Id = 900, Iid = 42, ProjectId = 7, Title = "t", State = "opened", CreatedAt = UpdatedAt.AddHours(-3), UpdatedAt = UpdatedAt };
        var now = UpdatedAt.AddSeconds(30);

        var delivery = PollDelivery.For(issue, UpdatedAt, now);

        Assert.Equal(7, delivery.ProjectId);
        Assert.Equal(42, delivery.IssueIid);
        Assert.Equal(now, delivery.ReceivedAt);
        Assert.Equal(PollDelivery.EventName, delivery.EventName);
        Assert.Null(delivery.EventUuid);

        // The worker reads comment commands only from Note Hooks: a polled delivery must parse as something it ignores.
        Assert.IsType<WebhookEvent.Ignored>(GitLabWebhookParser.Parse(delivery.EventName, System.Text.Encoding.UTF8.GetBytes(delivery.Payload)));
    }

    [Fact]
    public void CommentFor_EditedComment_QueuedAsAnUpdateUnderTheEditsOwnKey()
    {
        var issue = new GitLabIssue { Id = 900, Iid = 42, ProjectId = 7, Title = "t", State = "opened", CreatedAt = UpdatedAt.AddHours(-3), UpdatedAt = UpdatedAt };
        var note = new GitLabNote
        {
            Id = 5001, Body = "edited", Author = new GitLabUser { Id = 12, Username = "reporter-user" }, CreatedAt = UpdatedAt.AddHours(-1), UpdatedAt = UpdatedAt,
        };

        var delivery = PollCommentDelivery.For(issue, note, UpdatedAt.AddSeconds(5));

        // A later edit is another version (read and scanned again); as with GitLab's Note Hook of an edit, no command runs.
        Assert.Equal($"poll-note:7:42:5001:edit:{UpdatedAt.UtcTicks}", delivery.IdempotencyKey);
        Assert.Equal(IssueHygiene.Webhooks.DeliveryDigest.Note(5001, "update"), IssueHygiene.Webhooks.DeliveryDigest.Read(delivery.EventName, delivery.Payload));
    }

    [Fact]
    public void CommentFor_CommandComment_QueuesTheNoteIdNotItsText()
    {
        var issue = new GitLabIssue { Id = 900, Iid = 42, ProjectId = 7, Title = "t", State = "opened", CreatedAt = UpdatedAt.AddHours(-3), UpdatedAt = UpdatedAt };
        var note = new GitLabNote { Id = 5001, Body = "@issue-hygiene-bot help", Author = new GitLabUser { Id = 12, Username = "reporter-user" }, CreatedAt = UpdatedAt };

        var delivery = PollCommentDelivery.For(issue, note, UpdatedAt.AddSeconds(5));

        Assert.Equal("poll-note:7:42:5001", delivery.IdempotencyKey);
        Assert.Equal((7L, 42L), (delivery.ProjectId, delivery.IssueIid));
        Assert.Equal(IssueHygiene.Webhooks.DeliveryDigest.Note(5001, "create"), IssueHygiene.Webhooks.DeliveryDigest.Read(delivery.EventName, delivery.Payload));
        Assert.DoesNotContain("help", delivery.Payload, StringComparison.Ordinal);
        Assert.DoesNotContain("reporter-user", delivery.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public void For_ChangedMergeRequest_QueuedUnderTheMergeRequestKeyApartFromTheIssueWithTheSameNumber()
    {
        var issue = new GitLabIssue { Id = 900, Iid = 42, ProjectId = 7, Title = "t", State = "opened", CreatedAt = UpdatedAt.AddHours(-3), UpdatedAt = UpdatedAt };
        var mergeRequest = new GitLabMergeRequest { Id = 901, Iid = 42, ProjectId = 7, State = "merged", CreatedAt = UpdatedAt.AddHours(-3), UpdatedAt = UpdatedAt };
        var note = new GitLabNote { Id = 5001, Body = "@issue-hygiene-bot explain", Author = new GitLabUser { Id = 12, Username = "reporter-user" }, CreatedAt = UpdatedAt };

        var delivery = PollDelivery.For(mergeRequest, UpdatedAt, UpdatedAt);
        var comment = PollCommentDelivery.For(mergeRequest, note, UpdatedAt);

        Assert.Equal(IssueHygiene.MergeRequests.MergeRequestQueueKey.FromIid(42), delivery.IssueIid);
        Assert.True(IssueHygiene.MergeRequests.MergeRequestQueueKey.IsMergeRequest(delivery.IssueIid));
        Assert.NotEqual(PollDelivery.For(issue, UpdatedAt, UpdatedAt).IdempotencyKey, delivery.IdempotencyKey);
        Assert.IsType<WebhookEvent.Ignored>(GitLabWebhookParser.Parse(delivery.EventName, System.Text.Encoding.UTF8.GetBytes(delivery.Payload)));
        Assert.Equal(delivery.IssueIid, comment.IssueIid);
        Assert.NotEqual(PollCommentDelivery.For(issue, note, UpdatedAt).IdempotencyKey, comment.IdempotencyKey);
        Assert.Equal(IssueHygiene.Webhooks.DeliveryDigest.Note(5001, "create"), IssueHygiene.Webhooks.DeliveryDigest.Read(comment.EventName, comment.Payload));
    }
}
