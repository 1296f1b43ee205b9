using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using IssueHygiene.Core.Issues;
using IssueHygiene.Core.Secrets;
using IssueHygiene.GitLab.Mapping;
using IssueHygiene.GitLab.Webhooks;
using IssueHygiene.GitLabSimulator.Seeding;
using IssueHygiene.Processing;

namespace IssueHygiene.Tests.Secrets;

/// <summary>The webhook worker's path: GitLab's own Issue Hook and Note Hook bodies, parsed and mapped, answered in seconds.</summary>
public sealed class SecretLeakWebhookTests
{
    private readonly TestSecrets _secrets = new(9);

    [Fact]
    public async Task RespondAsync_FromIssueHookAndNoteHook_AnswersEachLeakWithinSeconds()
    {
        await using var h = await SecretLeakHarness.StartAsync();
        using (var admin = h.Simulator.CreateClient(h.Simulator.AdminToken))
        {
            // Deliveries to a closed port fail, but the simulator keeps each body as GitLab sent it.
            using var hook = await admin.PostAsJsonAsync($"/api/v4/projects/{h.ProjectId}/hooks", new Dictionary<string, object>
            {
                ["url"] = "http://127.0.0.1:9/webhooks/gitlab", ["issues_events"] = true, ["note_events"] = true,
                ["confidential_issues_events"] = true, ["confidential_note_events"] = true,
            });
            hook.EnsureSuccessStatusCode();
        }

        var started = Stopwatch.GetTimestamp();
        var issue = await h.CreateIssueAsync("runner down", "runner token " + _secrets.GitLabToken());
        await h.Simulator.WaitForWebhooksAsync();
        var issueHook = GitLabWebhookParser.Parse("Issue Hook", Encoding.UTF8.GetBytes(h.Simulator.WebhookDeliveries.First(d => d.Event == "Issue Hook").Body));
        var fromIssueHook = GitLabIssueMapper.FromIssueHook(Assert.IsType<WebhookEvent.Issue>(issueHook).Payload)!;
        var context = await h.ContextAsync(dryRun: false);

        var first = await h.Responder.RespondAsync(fromIssueHook, [], context, CancellationToken.None);
        var firstAnswered = Stopwatch.GetElapsedTime(started);

        await h.CommentAsync(issue.Iid, "and the AWS one: " + _secrets.AwsAccessKeyId(), SeededUsers.Developer);
        await h.Simulator.WaitForWebhooksAsync();
        var noteDelivery = h.Simulator.WebhookDeliveries.Last(d => d.Event.Contains("Note Hook", StringComparison.Ordinal) && d.Body.Contains("AKIA", StringComparison.Ordinal));
        var payload = Assert.IsType<WebhookEvent.Note>(GitLabWebhookParser.Parse(noteDelivery.Event, Encoding.UTF8.GetBytes(noteDelivery.Body))).Payload;
        var note = new NoteToScan(payload.ObjectAttributes.Id, payload.ObjectAttributes.Note,
            payload.User is { Id: { } userId } user ? new UserRef(userId, user.Username) : null, payload.ObjectAttributes.System);

        var second = await h.Responder.RespondAsync(GitLabIssueMapper.FromNoteHook(payload)!, [note], context, CancellationToken.None);

        Assert.Equal(ActStatus.Written, first.Status);
        Assert.Equal(ActStatus.Written, second.Status);
        Assert.Equal([SecretKind.GitLabPersonalAccessToken, SecretKind.AwsAccessKeyId], second.SecretFindings.Select(f => f.Kind));
        Assert.True(firstAnswered < TimeSpan.FromSeconds(5), $"answered after {firstAnswered}");
        var answers = h.Simulator.State.Notes(h.ProjectId, issue.Iid).Where(n => !n.System && SecretLeakNote.IsSecretLeakNote(n.Body)).ToList();
        Assert.Equal(2, answers.Count);
        Assert.All(answers, a => Assert.True(a.Internal));
        Assert.Contains("@" + SeededUsers.Developer, answers[1].Body, StringComparison.Ordinal);
    }
}
