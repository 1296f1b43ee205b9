using System.Text;
using IssueHygiene.Cli;
using IssueHygiene.Core.Secrets;
using IssueHygiene.GitLab.Diagnostics;
using IssueHygiene.GitLabSimulator.Seeding;
using IssueHygiene.Processing;
using IssueHygiene.Secrets;
using IssueHygiene.Storage.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IssueHygiene.Tests.Secrets;

/// <summary>
/// The whole leak scenario — dry-run reports in every format, the dry-run and live responses, a live sweep — and then
/// every output searched for the secret values: command output, reports, logs, notes written, audit log, the store's
/// files, GitLab call metrics, the request log and the responses' own records. A value must appear nowhere.
/// </summary>
[Trait("Category", "Slow")]
public sealed class SecretLeakNoLeakTests
{
    [Fact]
    public async Task LeakScenario_EveryOutput_HoldsNoSecretValue()
    {
        var secrets = new TestSecrets(2026);
        var token = secrets.GitLabToken();
        var keyId = secrets.AwsAccessKeyId();
        var password = secrets.Password();
        await using var h = await SecretLeakHarness.StartAsync("{ severity: error, action: fix, redact: 'true' }");
        var issue = await h.CreateIssueAsync("Deploy fails with " + keyId, $"Pipeline output:\n\n```\nPRIVATE-TOKEN: {token}\n```\n");
        var comment = await h.CommentAsync(issue.Iid, $"db settings:\n\n    password={password}\n", SeededUsers.Reporter);
        var outputs = new List<(string Where, string Text)>();
        var directory = Path.GetDirectoryName(h.Sweep.StorePath)!;

        // Dry-run reports (as of two days later, past the grace period, so the evaluator reports the finding too).
        var later = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(2));
        foreach (var format in new[] { "md", "json", "junit" })
        {
            var file = Path.Combine(directory, "report." + format);
            outputs.Add(($"report {format} command", await RunCliAsync(h, later, dryRun: true, "report", "--report", file, "--format", format)));
            outputs.Add(($"report {format} file", await File.ReadAllTextAsync(file)));
        }

        Assert.Contains(outputs, o => o.Where == "report json file" && o.Text.Contains("secret-leak", StringComparison.Ordinal));

        // The response: dry run, live, and a re-run (webhook echo), then a live sweep.
        var responses = new List<ActOutcome>();
        foreach (var dryRun in new[] { true, false, false })
        {
            var snapshot = await h.SnapshotAsync(issue.Iid);
            responses.Add(await h.Responder.RespondAsync(snapshot, [comment], await h.ContextAsync(dryRun), CancellationToken.None));
        }

        Assert.Equal([ActStatus.Planned, ActStatus.Written, ActStatus.NothingToDo], responses.Select(r => r.Status));
        Assert.Equal([SecretLeakAnswer.Respond, SecretLeakAnswer.Respond, SecretLeakAnswer.AlreadyAnswered], responses.Select(r => r.SecretLeak));
        outputs.Add(("sweep command", await RunCliAsync(h, later, dryRun: false, "sweep")));

        outputs.AddRange(responses.Select(r => ("response record", r.ToString() + string.Join("\n", r.SecretFindings) + string.Join("\n", r.Writes.Select(w => w.Body + string.Join(",", w.RestFields))))));
        outputs.AddRange(h.Logs.Lines.Select(l => ("log", l)));
        foreach (var i in h.Simulator.State.Issues())
        {
            outputs.Add(($"issue {i.Iid} title", i.Title));
            outputs.Add(($"issue {i.Iid} description", i.Description ?? string.Empty));
            // GitLab's own system notes ("changed title from …") are GitLab's record, not ours: see docs/secret-leak-guard.md.
            outputs.AddRange(h.Simulator.State.Notes(i.ProjectId, i.Iid).Where(n => n.AuthorUsername == SeededUsers.Bot && !n.System).Select(n => ($"bot note {n.Id}", n.Body)));
        }

        var audit = await h.Store.Audit.QueryAsync(new AuditQuery { Limit = 10_000 });
        Assert.NotEmpty(audit);
        outputs.AddRange(audit.Select(a => ("audit", $"{a.Entry} {string.Join(",", a.Entry.Rules)} {a.Entry.Detail} {a.Entry.ErrorMessage}")));
        var metrics = h.Services.GetRequiredService<GitLabCallStatistics>().Snapshot();
        outputs.Add(("metrics", string.Join("\n", metrics.Calls.Select(c => $"{c.Endpoint} {c.StatusCode} {c.Count}"))));
        outputs.AddRange(h.Simulator.RequestLog.Entries.Select(e => ("request log", $"{e.Method} {e.Path} {e.Status}")));
        foreach (var file in Directory.GetFiles(directory, "store.db*"))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            outputs.Add(($"store file {Path.GetFileName(file)}", Encoding.UTF8.GetString(bytes) + Encoding.Unicode.GetString(bytes)));
        }

        // The scenario really ran: the leak was answered, and the redaction took the description's value.
        Assert.True(h.Simulator.State.Issue(h.ProjectId, issue.Iid)!.Confidential);
        Assert.Contains(outputs, o => o.Where.StartsWith("bot note", StringComparison.Ordinal) && SecretLeakNote.IsSecretLeakNote(o.Text));
        Assert.Contains(h.Logs.Lines, l => l.Contains("Found 3 credential(s)", StringComparison.Ordinal));
        foreach (var value in new[] { token, token["glpat-".Length..], keyId[4..], password })
        {
            var leaks = outputs.Where(o => o.Text.Contains(value, StringComparison.Ordinal)).Select(o => $"{o.Where} <{o.Text.AsSpan(Math.Max(0, o.Text.IndexOf(value, StringComparison.Ordinal) - 60), 80)}>").ToList();
            Assert.True(leaks.Count == 0, $"a secret value appears in: {string.Join(", ", leaks)}");
        }
    }

    private static async Task<string> RunCliAsync(SecretLeakHarness h, TimeProvider time, bool dryRun, params string[] args)
    {
        var configuration = h.Sweep.Configuration(dryRun);
        configuration["Rules:Path"] = h.RulesPath;
        using var output = new StringWriter();
        using var error = new StringWriter();
        var app = new CliApp(output, error, time) { ConfigurationOverrides = configuration };
        var exit = await app.RunAsync(args, CancellationToken.None);
        Assert.True(exit is 0 or 1, $"exit {exit}: {error}");
        return $"exit {exit}\n{output}\n{error}";
    }
}
