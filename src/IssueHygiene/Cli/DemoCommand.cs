using System.CommandLine;
using System.Globalization;
using IssueHygiene.Core.Rendering;
using IssueHygiene.GitLabSimulator;
using IssueHygiene.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace IssueHygiene.Cli;

/// <summary>
/// <c>demo</c>: offline and self-contained. Starts the GitLab simulator in-process with the handbook's group, labels
/// and sprint milestones and a few hundred issues with realistic problems; runs a dry-run report, a live sweep, then
/// a second sweep that writes nothing to the issues; shows the scope's summary issue (created once, edited in place)
/// and renders the dashboard over the three runs of history; says where the reports are and what changed.
/// </summary>
public static class DemoCommand
{
    public static Command Create(CliApp app)
    {
        var issues = new Option<int>("--issues") { Description = "How many issues the simulated tracker holds.", DefaultValueFactory = _ => 300 };
        var seed = new Option<int>("--seed") { Description = "Seed of the generated tracker (same seed, same tracker).", DefaultValueFactory = _ => 42 };
        var output = new Option<string>("--output") { Description = "Folder for the reports and the demo's store.", DefaultValueFactory = _ => "demo-output" };
        var demo = new Command("demo", "Run IssueHygiene against a simulated GitLab: dry run, live sweep, and a second sweep that writes nothing.") { issues, seed, output };
        demo.SetAction((parse, cancellationToken) => RunAsync(app, parse.GetValue(issues), parse.GetValue(seed), parse.GetValue(output)!, cancellationToken));
        return demo;
    }

    /// <summary>The seeded merge requests and what the "Code review" rules left on each (the note's headline and rules).</summary>
    private static void WriteMergeRequestNotes(CliApp app, SimulatedGitLab simulator)
    {
        var project = simulator.Handbook!.Projects[0];
        app.Output.WriteLine($"Merge requests in {project.PathWithNamespace} (handbook \"Code review\"):");
        for (var iid = 1; iid <= SimulatedGitLab.SeededMergeRequestTitles.Count; iid++)
        {
            var note = simulator.MergeRequestNotes(project.Id, iid).Select(n => n.Body).FirstOrDefault(LintNote.IsLintNote);
            var rules = note is null ? [] : MergeRequestRuleIds.Where(id => note.Contains("`" + id + "`", StringComparison.Ordinal)).ToList();
            app.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  !{iid} {SimulatedGitLab.SeededMergeRequestTitles[iid - 1]}: {(rules.Count == 0 ? "no note (nothing to say)" : "sticky note: " + string.Join(", ", rules))}"));
        }
    }

    private static readonly string[] MergeRequestRuleIds =
        [.. Core.Rules.RuleCatalog.All.Where(d => d.IsMergeRequestLevel).Select(d => d.Id)];

    private static async Task<int> RunAsync(CliApp app, int issueCount, int seed, string outputFolder, CancellationToken cancellationToken)
    {
        if (issueCount is < 1 or > 100_000)
        {
            throw new UsageException("--issues must be between 1 and 100000");
        }

        var folder = Path.GetFullPath(outputFolder);
        OutputPaths.EnsureFolderWritable("--output", folder);
        var store = Path.Combine(folder, "demo.db");
        foreach (var stale in new[] { store, store + "-wal", store + "-shm" })
        {
            File.Delete(stale);
        }

        app.Output.WriteLine($"Starting a simulated GitLab with {issueCount} issues (seed {seed})…");
        await using var simulator = await SimulatedGitLab.StartAsync(new SimulatorOptions { Issues = issueCount, Seed = seed, SeedMergeRequests = true }, cancellationToken);
        var group = simulator.Handbook!.GroupPath;
        app.Output.WriteLine($"  {simulator.BaseUrl}: group '{group}' with {simulator.Handbook.Projects.Count} projects, the handbook's labels and sprint milestones");

        var configuration = new Dictionary<string, string?>(app.ConfigurationOverrides)
        {
            ["GitLab:BaseUrl"] = simulator.BaseUrl,
            ["GitLab:Token"] = simulator.BotToken,
            // The simulator has no note budget to respect; a real GitLab.com one is 60 a minute.
            ["GitLab:NotesPerMinute"] = "100000",
            ["GitLab:RequestsPerMinute"] = "100000",
            ["Storage:Provider"] = "sqlite",
            ["Storage:ConnectionString"] = $"Data Source={store}",
            ["Scopes:Groups:0"] = group,
            ["MaxWritesPerRun"] = "100000",
        };

        var steps = new (string Title, string[] Args, bool DryRun)[]
        {
            ("1. Dry run: what would be written (nothing is)",
                ["report", "--report", Path.Combine(folder, "1-dry-run.md"), "--summary-preview", Path.Combine(folder, "1-summary-preview.md")], true),
            ("2. Live sweep: sticky notes and quick-action fixes", ["sweep", "--report", Path.Combine(folder, "2-live-sweep.md")], false),
            ("3. Second sweep: everything converged, nothing to write", ["sweep", "--report", Path.Combine(folder, "3-second-sweep.md")], false),
        };
        foreach (var (title, args, dryRun) in steps)
        {
            app.Output.WriteLine();
            app.Output.WriteLine(title);
            configuration["DryRun"] = dryRun ? "true" : "false";
            var before = simulator.RequestLog.Entries.Count;
            var step = new CliApp(app.Output, app.Output, app.Time) { ConfigurationOverrides = configuration, Interactive = app.Interactive, Logs = app.Logs };
            var exit = await step.RunAsync(args, cancellationToken);
            if (exit is ExitCodes.UsageError or ExitCodes.Failed)
            {
                return exit;
            }

            var changes = simulator.RequestLog.Entries.Skip(before).Where(e => e.Method != "GET").ToList();
            var summaryWrites = changes.Count(IsSummaryIssueWrite);
            app.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   requests that changed the tracker's issues: {changes.Count - summaryWrites}"));
            if (summaryWrites > 0)
            {
                app.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   plus {summaryWrites} for the summary issue (one per scope, edited in place)"));
            }
        }

        await ShowSummaryAndDashboardAsync(app, simulator, configuration, folder, cancellationToken);

        var notes = simulator.State.Issues().Sum(i => simulator.State.Notes(i.ProjectId, i.Iid).Count(n => LintNote.IsLintNote(n.Body)));
        app.Output.WriteLine();
        app.Output.WriteLine($"Done. {notes} issues carry a sticky lint note; reports are in {folder}.");
        WriteMergeRequestNotes(app, simulator);
        app.Output.WriteLine("The dashboard is what `serve` answers at GET / with Dashboard:Enabled=true (behind your auth proxy).");
        app.Output.WriteLine("Next: point IssueHygiene at your GitLab (README, \"Use it on your GitLab\") and run `report` first.");
        return ExitCodes.Clean;
    }

    /// <summary>The summary issue's own requests: it is the only issue IssueHygiene creates, and the only one it edits by PUT in quick-action mode.</summary>
    private static bool IsSummaryIssueWrite(GitLabSimulator.RequestLogEntry entry) =>
        (entry.Method == "POST" && entry.Path.EndsWith("/issues", StringComparison.Ordinal))
        || (entry.Method == "PUT" && entry.Path.Contains("/issues/", StringComparison.Ordinal) && !entry.Path.Contains("/notes", StringComparison.Ordinal));

    /// <summary>Where the summary issue is and what it says, and the dashboard over the demo's history, as files.</summary>
    private static async Task ShowSummaryAndDashboardAsync(CliApp app, SimulatedGitLab simulator, Dictionary<string, string?> configuration, string folder, CancellationToken cancellationToken)
    {
        var summary = simulator.State.Issues().FirstOrDefault(i => i.Description?.Contains("<!-- issue-hygiene:summary ", StringComparison.Ordinal) == true);
        app.Output.WriteLine();
        if (summary is null)
        {
            app.Output.WriteLine("4. No summary issue was written (Summary:Enabled=false?).");
        }
        else
        {
            var file = Path.Combine(folder, "4-summary-issue.md");
            await File.WriteAllTextAsync(file, $"# {summary.Title}\n\n{summary.Description}\n", cancellationToken);
            var project = simulator.Handbook!.Projects.FirstOrDefault(p => p.Id == summary.ProjectId)?.PathWithNamespace ?? $"project {summary.ProjectId}";
            app.Output.WriteLine($"4. Summary issue: \"{summary.Title}\" is {project}#{summary.Iid} ({simulator.BaseUrl}/{project}/-/issues/{summary.Iid})");
            app.Output.WriteLine($"   created by the first live sweep, edited in place by the second; its text is in {file}");
        }

        var step = new CliApp(app.Output, app.Output, app.Time) { ConfigurationOverrides = configuration, Interactive = false, Logs = app.Logs };
        await using var runtime = await OnlineRuntime.StartAsync(step, new Dictionary<string, string?>(), null, cancellationToken);
        var data = await runtime.Services.GetRequiredService<Dashboard.DashboardDataLoader>().LoadAsync(null, stacked: true, cancellationToken);
        var dashboard = Path.Combine(folder, "5-dashboard.html");
        await File.WriteAllTextAsync(dashboard, Dashboard.DashboardPage.Render(data), cancellationToken);
        app.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"5. Dashboard over {data.Runs.Count} runs of history ({data.Current.Count} current findings, {data.Waivers.Count} waivers in force): {dashboard}"));
    }
}
