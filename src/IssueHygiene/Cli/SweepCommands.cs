using System.CommandLine;
using System.Globalization;
using IssueHygiene.Core.Reporting;
using IssueHygiene.Hosting;
using IssueHygiene.Sweeping;
using Microsoft.Extensions.DependencyInjection;

namespace IssueHygiene.Cli;

/// <summary>
/// <c>sweep [--dry-run] [--report FILE --format md|json|junit]</c> and <c>report</c> (= sweep --dry-run, the report
/// to stdout unless --report): walk the configured (or given) groups and projects.
/// </summary>
public static class SweepCommands
{
    public static Command CreateSweep(CliApp app) => Create(app, "sweep", "Check every open issue of the scopes and act (dry run unless DryRun=false).", forceDryRun: false);

    public static Command CreateReport(CliApp app) => Create(app, "report", "Dry-run sweep: report findings and the exact writes that would happen.", forceDryRun: true);

    private static Command Create(CliApp app, string name, string description, bool forceDryRun)
    {
        var reportFile = new Option<string[]>("--report")
        {
            Description = "Write the report to this file (repeatable: without --format, .json is JSON, .xml is JUnit, anything else Markdown).",
        };
        var format = new Option<string?>("--format") { Description = "Report format: md, json or junit." };
        format.AcceptOnlyFromAmong("md", "json", "junit");
        var groups = new Option<string[]>("--group") { Description = "Group id or path to sweep (repeatable; replaces Scopes).", AllowMultipleArgumentsPerToken = false };
        var projects = new Option<string[]>("--project") { Description = "Project id or path to sweep (repeatable; replaces Scopes)." };
        var incremental = new Option<bool>("--incremental") { Description = "Only issues updated since the last successful sweep." };
        var rules = new Option<string?>("--rules") { Description = "The rules file (default: Rules:Path, else rules/handbook.yml)." };
        var maxWrites = new Option<int?>("--max-writes") { Description = "Write budget of this run (default: MaxWritesPerRun, 50)." };
        var state = new Option<string>("--state")
        {
            Description = "Which issues: opened (default), or all to include closed ones once (only the secret-leak check runs on them).",
            DefaultValueFactory = _ => "opened",
        };
        state.AcceptOnlyFromAmong("opened", "all");

        var summaryPreview = new Option<string?>("--summary-preview")
        {
            Description = "Write what each scope's summary issue would say to this file (dry run: nothing is written to GitLab).",
        };

        var command = new Command(name, description) { reportFile, format, groups, projects, incremental, rules, maxWrites, state, summaryPreview };
        var writeMode = forceDryRun ? null : WriteModeOptions.AddTo(command);

        command.SetAction((parse, cancellationToken) => OnlineRuntime.GuardAsync(app, async () =>
        {
            var overrides = new Dictionary<string, string?>();
            if (forceDryRun)
            {
                overrides["DryRun"] = "true";
            }

            writeMode?.AddOverride(parse, overrides);

            if (parse.GetValue(maxWrites) is { } budget)
            {
                overrides["MaxWritesPerRun"] = budget.ToString(CultureInfo.InvariantCulture);
            }

            foreach (var path in parse.GetValue(reportFile) ?? [])
            {
                OutputPaths.EnsureFileWritable("--report", path);
            }

            await using var runtime = await OnlineRuntime.StartAsync(app, overrides, parse.GetValue(rules), cancellationToken);
            var scopes = HygieneServiceCollectionExtensions.ScopesFrom(runtime.Options, parse.GetValue(groups), parse.GetValue(projects));
            if (scopes.Count == 0)
            {
                throw new UsageException("nothing to sweep: pass --group/--project, or configure Scopes:Groups / Scopes:Projects (IssueHygiene__Scopes__Groups__0)");
            }

            var request = new SweepRequest
            {
                Scopes = scopes,
                DryRun = runtime.Options.DryRun,
                Incremental = parse.GetValue(incremental),
                IncludeClosed = parse.GetValue(state) == "all",
                MaxWrites = runtime.Options.MaxWritesPerRun,
                KeepReportEntries = forceDryRun || parse.GetValue(reportFile) is { Length: > 0 },
                SummaryPreview = parse.GetValue(summaryPreview) is not null,
            };
            var observer = new ConsoleSweepObserver(app.Error, app.Interactive, runtime.Statistics, app.Time);
            var result = await runtime.Services.GetRequiredService<SweepRunner>().RunAsync(request, observer, cancellationToken);

            var paths = parse.GetValue(reportFile) ?? [];
            foreach (var path in paths)
            {
                await WriteReportFileAsync(path, result.Report, parse.GetValue(format) ?? FormatOf(path), cancellationToken);
                app.Error.WriteLine($"report written to {path}");
            }

            if (parse.GetValue(summaryPreview) is { } previewPath)
            {
                await File.WriteAllTextAsync(previewPath, SummaryPreview.Render(result.Summaries, runtime.Options.DryRun), cancellationToken);
                app.Error.WriteLine($"summary issue preview written to {previewPath}");
            }

            foreach (var summary in result.Summaries)
            {
                app.Error.WriteLine(SummaryPreview.Describe(summary));
            }

            if (paths.Length == 0 && forceDryRun)
            {
                app.Output.Write(Render(result.Report, parse.GetValue(format) ?? "md"));
            }

            app.Error.WriteLine(SweepSummary.Render(result, runtime.Statistics.Snapshot()));
            return result.ExitCode;
        }));
        return command;
    }

    /// <summary>The format a report file's name implies.</summary>
    public static string FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".json" => "json",
        ".xml" => "junit",
        _ => "md",
    };

    /// <summary>
    /// Writes a report file. JSON and JUnit are streamed into the file as they are rendered (a 100,000-issue JSON report
    /// is about 70 MB); Markdown is cut at a fixed length and written whole.
    /// </summary>
    public static async Task WriteReportFileAsync(string path, HygieneReport report, string format, CancellationToken cancellationToken)
    {
        if (format is not ("json" or "junit"))
        {
            await File.WriteAllTextAsync(path, Render(report, format), cancellationToken);
            return;
        }

        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 64 * 1024, useAsync: false);
        if (format == "json")
        {
            JsonReportRenderer.WriteReport(file, report);
        }
        else
        {
            JUnitReportRenderer.Write(file, report);
        }
    }

    public static string Render(HygieneReport report, string format) => format switch
    {
        "json" => JsonReportRenderer.RenderReport(report),
        "junit" => JUnitReportRenderer.Render(report),
        _ => MarkdownReportRenderer.Render(report),
    };
}
