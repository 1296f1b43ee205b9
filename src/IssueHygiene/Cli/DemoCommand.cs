using System.CommandLine;
using System.Globalization;
using IssueHygiene.Core.Rendering;
using IssueHygiene.GitLabSimulator;

namespace IssueHygiene.Cli;

/// <summary>
/// <c>demo</c>: offline and self-contained. Starts the GitLab simulator in-process with the handbook's group, labels
/// and sprint milestones and a few hundred issues with realistic problems; runs a dry-run report, a live sweep, then
/// a second sweep that writes nothing; says where the reports are and what changed.
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
            ("1. Dry run: what would be written (nothing is)", ["report", "--report", Path.Combine(folder, "1-dry-run.md")], true),
            ("2. Live sweep: sticky notes and quick-action fixes", ["sweep", "--report", Path.Combine(folder, "2-live-sweep.md")], false),
            ("3. Second sweep: everything converged, nothing to write", ["sweep", "--report", Path.Combine(folder, "3-second-sweep.md")], false),
        };
        foreach (var (title, args, dryRun) in steps)
        {
            app.Output.WriteLine();
            app.Output.WriteLine(title);
            configuration["DryRun"] = dryRun ? "true" : "false";
            var writesBefore = simulator.RequestLog.Entries.Count(e => e.Method != "GET");
            var step = new CliApp(app.Output, app.Output, app.Time) { ConfigurationOverrides = configuration, Interactive = app.Interactive, Logs = app.Logs };
            var exit = await step.RunAsync(args, cancellationToken);
            if (exit is ExitCodes.UsageError or ExitCodes.Failed)
            {
                return exit;
            }

            var writes = simulator.RequestLog.Entries.Count(e => e.Method != "GET") - writesBefore;
            app.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   requests that changed the tracker: {writes}"));
        }

        var notes = simulator.State.Issues().Sum(i => simulator.State.Notes(i.ProjectId, i.Iid).Count(n => LintNote.IsLintNote(n.Body)));
        app.Output.WriteLine();
        app.Output.WriteLine($"Done. {notes} issues carry a sticky lint note; reports are in {folder}.");
        WriteMergeRequestNotes(app, simulator);
        app.Output.WriteLine("Next: point IssueHygiene at your GitLab (README, \"Use it on your GitLab\") and run `report` first.");
        return ExitCodes.Clean;
    }
}
