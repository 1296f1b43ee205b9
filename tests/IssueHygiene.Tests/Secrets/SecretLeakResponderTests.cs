using IssueHygiene.Core.Reporting;
using IssueHygiene.Core.Secrets;
using IssueHygiene.GitLab;
using IssueHygiene.GitLab.Requests;
using IssueHygiene.GitLabSimulator.Seeding;
using IssueHygiene.Processing;
using IssueHygiene.Secrets;
using IssueHygiene.Storage.Audit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IssueHygiene.Tests.Secrets;

public sealed class SecretLeakResponderTests
{
    private readonly TestSecrets _secrets = new(42);

    [Fact]
    public async Task RespondAsync_TokenInDescription_ConfidentialAndOneInternalNoteNamingKindNotValue()
    {
        await using var h = await SecretLeakHarness.StartAsync();
        var token = _secrets.GitLabToken();
        var issue = await h.CreateIssueAsync("CI broken", $"I ran `curl -H 'PRIVATE-TOKEN: {token}' …` and got a 500");

        var outcome = await h.Responder.RespondAsync(issue, [], await h.ContextAsync(dryRun: false), CancellationToken.None);

        Assert.Equal(ActStatus.Written, outcome.Status);
        Assert.True(h.Simulator.State.Issue(h.ProjectId, issue.Iid)!.Confidential);
        var note = Assert.Single(h.Simulator.State.Notes(h.ProjectId, issue.Iid), n => !n.System);
        Assert.True(note.Internal);
        Assert.Equal(SeededUsers.Bot, note.AuthorUsername);
        Assert.StartsWith(SecretLeakNote.MarkerStart, note.Body, StringComparison.Ordinal);
        Assert.Contains("@" + SeededUsers.Reporter, note.Body, StringComparison.Ordinal);
        Assert.Contains("a GitLab personal, project or group access token (`glpat-[MASKED]`) in the description", note.Body, StringComparison.Ordinal);
        Assert.Contains("Rotate it now", note.Body, StringComparison.Ordinal);
        Assert.Contains("made confidential", note.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(token[6..], note.Body, StringComparison.Ordinal);
        Assert.Equal(token, SecretScannerValue(h.Simulator.State.Issue(h.ProjectId, issue.Iid)!.Description!));
    }

    [Fact]
    public async Task RespondAsync_SecondRunAndBotEcho_WriteNothing()
    {
        await using var h = await SecretLeakHarness.StartAsync();
        var issue = await h.CreateIssueAsync("leak", "token " + _secrets.GitLabToken());
        var context = await h.ContextAsync(dryRun: false);
        await h.Responder.RespondAsync(issue, [], context, CancellationToken.None);
        var writes = h.NonGetRequests();
        var botNote = h.Simulator.State.Notes(h.ProjectId, issue.Iid).Single(n => !n.System);
        var after = await h.SnapshotAsync(issue.Iid);

        var again = await h.Responder.RespondAsync(after, [], context, CancellationToken.None);
        var echo = await h.Responder.RespondAsync(after, [new NoteToScan(botNote.Id, botNote.Body, new(context.BotUserId!.Value, SeededUsers.Bot))], context, CancellationToken.None);

        Assert.Equal(SecretLeakAnswer.AlreadyAnswered, again.SecretLeak);
        Assert.Equal(SecretLeakAnswer.AlreadyAnswered, echo.SecretLeak);
        Assert.Equal(ActStatus.NothingToDo, again.Status);
        Assert.Equal(writes, h.NonGetRequests());
        Assert.Single(h.Simulator.State.Notes(h.ProjectId, issue.Iid), n => !n.System);
    }

    [Fact]
    public async Task RespondAsync_NewLeakInAComment_AnsweredOnceMoreNamingTheComment()
    {
        await using var h = await SecretLeakHarness.StartAsync();
        var issue = await h.CreateIssueAsync("leak", "token " + _secrets.GitLabToken());
        var context = await h.ContextAsync(dryRun: false);
        await h.Responder.RespondAsync(issue, [], context, CancellationToken.None);
        var comment = await h.CommentAsync(issue.Iid, "and the AWS key is " + _secrets.AwsAccessKeyId());

        var outcome = await h.Responder.RespondAsync(await h.SnapshotAsync(issue.Iid), [comment], context, CancellationToken.None);

        Assert.Equal(ActStatus.Written, outcome.Status);
        var notes = h.Simulator.State.Notes(h.ProjectId, issue.Iid).Where(n => !n.System && n.AuthorUsername == SeededUsers.Bot).ToList();
        Assert.Equal(2, notes.Count);
        Assert.Contains($"an AWS access key id (`AKIA[MASKED]`) in [comment {comment.Id}](", notes[1].Body, StringComparison.Ordinal);
        Assert.Contains("@" + SeededUsers.Developer, notes[1].Body, StringComparison.Ordinal);
        Assert.DoesNotContain("made confidential", notes[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RespondAsync_RedactTrue_DescriptionRedactedOthersCommentLeftToItsAuthor()
    {
        await using var h = await SecretLeakHarness.StartAsync("{ severity: error, action: fix, redact: 'true' }");
        var token = _secrets.GitLabToken();
        var password = _secrets.Password();
        var issue = await h.CreateIssueAsync("leak", $"my token: {token}\nthanks");
        var comment = await h.CommentAsync(issue.Iid, $"db config:\npassword={password}\n");
        Assert.Single(SecretScanner.ScanNote(comment));

        var outcome = await h.Responder.RespondAsync(issue, [comment], await h.ContextAsync(dryRun: false), CancellationToken.None);

        Assert.Equal(ActStatus.Written, outcome.Status);
        Assert.Equal("my token: [REDACTED]\nthanks", h.Simulator.State.Issue(h.ProjectId, issue.Iid)!.Description);
        // GitLab lets only a comment's author edit it: no edit is planned (none would succeed), the note asks the author.
        Assert.Null(outcome.Error);
        Assert.DoesNotContain(h.Simulator.RequestLog.Entries, e => e.Method == "PUT" && e.Path.Contains($"/notes/{comment.Id}", StringComparison.Ordinal));
        var notes = h.Simulator.State.Notes(h.ProjectId, issue.Iid);
        Assert.Contains(password, notes.Single(n => n.Id == comment.Id).Body, StringComparison.Ordinal);
        var answer = notes.Single(n => !n.System && n.AuthorUsername == SeededUsers.Bot);
        Assert.Contains("replaced with `[REDACTED]`", answer.Body, StringComparison.Ordinal);
        Assert.Contains("earlier versions in the history, so rotation is still required", answer.Body, StringComparison.Ordinal);
        Assert.Contains($"The value in [comment {comment.Id}](", answer.Body, StringComparison.Ordinal);
        Assert.Contains("could not be replaced (only its author may edit it)", answer.Body, StringComparison.Ordinal);
        Assert.True(h.Simulator.State.Issue(h.ProjectId, issue.Iid)!.Confidential);
    }

    [Fact]
    public async Task RespondAsync_FixModeApi_ConfidentialByRestUpdateBeforeTheNote()
    {
        await using var h = await SecretLeakHarness.StartAsync(fixMode: "api");
        var issue = await h.CreateIssueAsync("leak", "token " + _secrets.GitLabToken());

        var outcome = await h.Responder.RespondAsync(issue, [], await h.ContextAsync(dryRun: false), CancellationToken.None);

        Assert.Equal([WriteKind.RestUpdate, WriteKind.NoteCreate], outcome.Writes.Select(w => w.Kind));
        Assert.Equal("true", outcome.Writes[0].RestFields["confidential"]);
        Assert.Empty(outcome.Writes[1].QuickActions);
        Assert.True(h.Simulator.State.Issue(h.ProjectId, issue.Iid)!.Confidential);
    }

    [Fact]
    public async Task RespondAsync_DryRun_OnlyReadsAndAuditsThePlan()
    {
        await using var h = await SecretLeakHarness.StartAsync("{ severity: error, action: fix, redact: 'true' }");
        var token = _secrets.GitLabToken();
        var issue = await h.CreateIssueAsync("leak", $"token {token}\nand again: {token}");
        var before = h.NonGetRequests();

        var outcome = await h.Responder.RespondAsync(issue, [], await h.ContextAsync(dryRun: true), CancellationToken.None);

        Assert.Equal(ActStatus.Planned, outcome.Status);
        Assert.Equal(before, h.NonGetRequests());
        Assert.False(h.Simulator.State.Issue(h.ProjectId, issue.Iid)!.Confidential);
        Assert.Equal([WriteKind.RestUpdate, WriteKind.NoteCreate], outcome.Writes.Select(w => w.Kind));
        // The plan holds the exact text a live run writes (the values replaced), not a description of it.
        Assert.Equal("token [REDACTED]\nand again: [REDACTED]", outcome.Writes[0].RestFields["description"]);
        Assert.Equal("token [REDACTED]\nand again: [REDACTED]", outcome.Writes[0].Change!.Description);
        Assert.All(outcome.SecretFindings, f => Assert.Equal("glpat-[MASKED]", f.Masked));
        Assert.Equal(2, outcome.SecretFindings.Count);
        Assert.Contains("issue contains a credential:", outcome.Writes[1].Body, StringComparison.Ordinal);
        var audit = await h.Store.Audit.QueryAsync(new AuditQuery { IssueIid = issue.Iid });
        Assert.Equal(2, audit.Count);
        Assert.All(audit, a => Assert.True(a.Entry.DryRun));
        Assert.All(audit, a => Assert.Equal(["secret-leak"], a.Entry.Rules));
    }

    [Theory]
    [InlineData("{ severity: error, action: report }", SecretLeakAnswer.Reported, false, 0)]
    [InlineData("{ severity: error, action: comment }", SecretLeakAnswer.Respond, false, 1)]
    [InlineData("{ severity: error, action: off }", SecretLeakAnswer.NothingFound, false, 0)]
    public async Task RespondAsync_ConfiguredAction_DoesWhatItSays(string settings, SecretLeakAnswer status, bool confidential, int notes)
    {
        await using var h = await SecretLeakHarness.StartAsync(settings);
        var issue = await h.CreateIssueAsync("leak", "token " + _secrets.GitLabToken());

        var outcome = await h.Responder.RespondAsync(issue, [], await h.ContextAsync(dryRun: false), CancellationToken.None);

        Assert.Equal(status, outcome.SecretLeak);
        Assert.Equal(confidential, h.Simulator.State.Issue(h.ProjectId, issue.Iid)!.Confidential);
        Assert.Equal(notes, h.Simulator.State.Notes(h.ProjectId, issue.Iid).Count(n => !n.System));
    }

    [Fact]
    public async Task RespondAsync_CleanIssue_AsksGitLabNothing()
    {
        await using var h = await SecretLeakHarness.StartAsync();
        var issue = await h.CreateIssueAsync("Password reset flow is broken", "The token expired; see commit 3f786850e387550fdab836ed7e6dc881de23001b.");
        var context = await h.ContextAsync(dryRun: false);
        var requests = h.Simulator.RequestLog.Entries.Count;

        var outcome = await h.Responder.RespondAsync(issue, [], context, CancellationToken.None);

        Assert.Equal(SecretLeakAnswer.NothingFound, outcome.SecretLeak);
        // Only the project's catalog (milestones, labels) for the hygiene evaluation: no notes listed, nothing written.
        Assert.All(h.Simulator.RequestLog.Entries.Skip(requests), e => Assert.Equal("GET", e.Method));
        Assert.DoesNotContain(h.Simulator.RequestLog.Entries.Skip(requests), e => e.Path.Contains("/notes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UpdateIssueAsync_TitleAndDescription_SentAsGitLabParameters()
    {
        await using var h = await SecretLeakHarness.StartAsync();
        var issue = await h.CreateIssueAsync("old title", "old description");

        var updated = await h.GitLab.UpdateIssueAsync(IdOrPath.FromId(h.ProjectId), issue.Iid, new IssueUpdate { Title = "new title", Description = "new [REDACTED]" });

        Assert.Equal("new title", updated.Title);
        Assert.Equal("new [REDACTED]", h.Simulator.State.Issue(h.ProjectId, issue.Iid)!.Description);
        Assert.Equal("new title", h.Simulator.State.Issue(h.ProjectId, issue.Iid)!.Title);
    }

    [Fact]
    public async Task CreateIssueNoteAsync_Internal_CreatesAnInternalNote()
    {
        await using var h = await SecretLeakHarness.StartAsync();
        var issue = await h.CreateIssueAsync("t", "d");

        var created = await h.GitLab.CreateIssueNoteAsync(IdOrPath.FromId(h.ProjectId), issue.Iid, "for members", isInternal: true);

        Assert.IsType<NoteCreateResult.Created>(created);
        Assert.True(Assert.Single(h.Simulator.State.Notes(h.ProjectId, issue.Iid), n => !n.System).Internal);
    }

    [Fact]
    public void FingerprintKey_ConfiguredTooShort_ClearOptionsError()
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["SecretLeak:FingerprintKey"] = "short" })
            .Build();
        services.AddSecretLeakResponder(configuration);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SecretLeakOptions>>().Value);

        Assert.Contains("at least 16 characters", error.Message, StringComparison.Ordinal);
    }

    private static string SecretScannerValue(string text)
    {
        var finding = SecretScanner.Scan(text, SecretLocation.Description).Single();
        return text.Substring(finding.Start, finding.Length);
    }
}
