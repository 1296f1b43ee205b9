using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IssueHygiene.Core.Secrets;
using IssueHygiene.GitLabSimulator.Seeding;
using IssueHygiene.Tests.Cli;
using IssueHygiene.Tests.Secrets;
using IssueHygiene.Tests.Serve;
using IssueHygiene.Tests.Sweep;

namespace IssueHygiene.Tests.MergeRequests;

/// <summary>
/// A credential pasted into a merge request (a comment, the description) gets the handbook's secret-leak response as on
/// an issue, as far as GitLab allows on an MR: one internal note naming the credential and telling its author to
/// rotate it, the title and description redacted when configured — but no "confidential" (GitLab has none for MRs,
/// which the note says) and the comment itself left to its author (only a comment's author may edit it).
/// </summary>
[Trait("Category", "Slow")]
public sealed class MergeRequestSecretLeakEndToEndTests
{
    private static async Task<JsonArray> NotesAsync(GitLabSimulator.SimulatedGitLab simulator, long projectId, long iid)
    {
        using var admin = simulator.CreateClient();
        return (await admin.GetFromJsonAsync<JsonArray>($"api/v4/projects/{projectId}/merge_requests/{iid}/notes?per_page=100"))!;
    }

    private static List<JsonNode> SecretLeakNotes(JsonArray notes) =>
        [.. notes.OfType<JsonNode>().Where(n => SecretLeakNote.IsSecretLeakNote(n["body"]!.GetValue<string>()))];

    [Fact]
    public async Task Comment_WithToken_AnsweredOnceByAnInternalNote_CommentLeftToItsAuthor()
    {
        await using var harness = await ServeHarness.StartAsync(registerHook: false);
        await MergeRequestGroupHook.RegisterAsync(harness, noteEvents: true);

        harness.Simulator.PushBranch(harness.ProjectId, "deploy", "src/meltano/core/runner.py");
        using var developer = harness.Simulator.CreateClient(sudo: SeededUsers.Developer);
        var created = await developer.PostAsJsonAsync($"api/v4/projects/{harness.ProjectId}/merge_requests",
            new { title = "Deploy faster", source_branch = "deploy", target_branch = "main" });
        created.EnsureSuccessStatusCode();
        var iid = (await created.Content.ReadFromJsonAsync<JsonObject>())!["iid"]!.GetValue<long>();
        await harness.WaitForQuietAsync();
        var token = new TestSecrets(19).GitLabToken();
        using var maintainer = harness.Simulator.CreateClient(sudo: SeededUsers.Maintainer);

        (await maintainer.PostAsJsonAsync($"api/v4/projects/{harness.ProjectId}/merge_requests/{iid}/notes", new { body = "works with " + token })).EnsureSuccessStatusCode();
        await harness.WaitForQuietAsync();
        // Another comment later: the credential already answered is not answered again.
        (await maintainer.PostAsJsonAsync($"api/v4/projects/{harness.ProjectId}/merge_requests/{iid}/notes", new { body = "rotated now" })).EnsureSuccessStatusCode();
        await harness.WaitForQuietAsync();

        var notes = await NotesAsync(harness.Simulator, harness.ProjectId, iid);
        var answer = Assert.Single(SecretLeakNotes(notes));
        Assert.True(answer["internal"]!.GetValue<bool>());
        Assert.Equal(SeededUsers.Bot, answer["author"]!["username"]!.GetValue<string>());
        var body = answer["body"]!.GetValue<string>();
        Assert.Contains("@" + SeededUsers.Maintainer + " — this merge request contains a credential", body, StringComparison.Ordinal);
        Assert.Contains("GitLab cannot make a merge request confidential", body, StringComparison.Ordinal);
        Assert.DoesNotContain(token, body, StringComparison.Ordinal);
        Assert.DoesNotContain("/confidential", body, StringComparison.Ordinal);
        // The comment is its author's to edit; the bot never rewrites it.
        Assert.Contains(notes, n => n!["body"]!.GetValue<string>() == "works with " + token);
        var audit = await harness.Store.Audit.QueryAsync(new Storage.Audit.AuditQuery { ProjectId = harness.ProjectId });
        Assert.Contains(audit, a => a.Entry.Rules.Contains("secret-leak") && a.Entry.Detail == $"merge request !{iid}: internal note");
    }

    [Fact]
    public async Task Sweep_TokenInDescription_DryRunWritesNothing_LiveRedactsAndAnswersWithoutConfidential()
    {
        await using var h = await SweepHarness.StartAsync(issues: 0, mergeRequests: true);
        var projectId = h.Simulator.Handbook!.Projects[0].Id;
        var token = new TestSecrets(23).GitLabToken();
        h.Simulator.PushBranch(projectId, "leaky", "docs/deploy.md");
        long iid;
        using (var developer = h.Simulator.CreateClient(sudo: SeededUsers.Developer))
        {
            var created = await developer.PostAsJsonAsync($"api/v4/projects/{projectId}/merge_requests",
                new { title = "Deploy notes", description = "use " + token + " to deploy", source_branch = "leaky", target_branch = "main" });
            created.EnsureSuccessStatusCode();
            iid = (await created.Content.ReadFromJsonAsync<JsonObject>())!["iid"]!.GetValue<long>();
        }

        var rules = Path.Combine(Path.GetDirectoryName(h.StorePath)!, "redact.yml");
        await File.WriteAllLinesAsync(rules, (await File.ReadAllLinesAsync(CliRunner.Repo("rules/handbook.yml")))
            .Select(l => l.TrimStart().StartsWith("secret-leak:", StringComparison.Ordinal) ? "  secret-leak: { severity: error, action: fix, redact: 'true' }" : l));
        var dry = h.Configuration(dryRun: true);
        dry["Rules:Path"] = rules;
        var live = h.Configuration(dryRun: false);
        live["Rules:Path"] = rules;

        var before = h.NonGetRequests(attempted: true);
        var report = Path.Combine(Path.GetDirectoryName(h.StorePath)!, "leak.md");
        await h.RunAsync(dry, "sweep", "--report", report, "--format", "md");
        Assert.Equal(before, h.NonGetRequests(attempted: true));
        // Reported like an issue's leak, though the MR is new (within the grace period): kind and place, never the value.
        var markdown = await File.ReadAllTextAsync(report);
        Assert.Contains("`secret-leak`", markdown, StringComparison.Ordinal);
        Assert.Contains("The description contains a GitLab", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain(token, markdown, StringComparison.Ordinal);

        await h.RunAsync(live, "sweep");

        using var admin = h.Simulator.CreateClient();
        var mergeRequest = (await admin.GetFromJsonAsync<JsonObject>($"api/v4/projects/{projectId}/merge_requests/{iid}"))!;
        Assert.Equal("use [REDACTED] to deploy", mergeRequest["description"]!.GetValue<string>());
        var answer = Assert.Single(SecretLeakNotes(await NotesAsync(h.Simulator, projectId, iid)));
        Assert.True(answer["internal"]!.GetValue<bool>());
        Assert.Contains("GitLab cannot make a merge request confidential", answer["body"]!.GetValue<string>(), StringComparison.Ordinal);
        // Redaction replaces text a person may have edited: the MR is read again under the write lock first.
        Assert.Contains(h.Simulator.RequestLog.Entries, e => e.Method == "GET" && e.Path == $"/api/v4/projects/{projectId}/merge_requests/{iid}");
        Assert.DoesNotContain(h.Simulator.RequestLog.Entries, e => e.Method == "PUT" && e.Path.Contains("/issues/", StringComparison.Ordinal));
    }
}
