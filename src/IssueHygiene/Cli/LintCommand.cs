using System.CommandLine;
using System.Globalization;
using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Reporting;
using IssueHygiene.GitLab;
using IssueHygiene.GitLab.Mapping;
using IssueHygiene.Hosting;
using IssueHygiene.Processing;
using Microsoft.Extensions.DependencyInjection;

namespace IssueHygiene.Cli;

/// <summary>
/// <c>lint PROJECT#IID [--dry-run]</c>: one issue from GitLab, evaluated and acted on (or, dry, what would be written);
/// <c>lint --issue-json FILE [--milestones-json FILE]</c>: one issue given as GitLab's REST issue JSON, offline (with
/// GitLab's milestone list, the same fixes as online). Exit 1 when an error or
/// warning is found (info findings are listed but do not fail), 0 when clean, 2 on bad input.
/// </summary>
public static class LintCommand
{
    public static Command Create(CliApp app)
    {
        var target = new Argument<string?>("PROJECT#IID")
        {
            Description = "The issue in GitLab, e.g. group/project#123 (or 42#123 with a project id).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var issueJson = new Option<string?>("--issue-json")
        {
            Description = "Offline: a file holding one issue as GitLab's REST API returns it (GET /projects/:id/issues/:iid).",
        };
        var milestonesJson = new Option<string?>("--milestones-json")
        {
            Description = "Offline: a file holding GitLab's milestone list (GET /groups/:id/milestones), so the current sprint "
                + "and Backlog are known and fixes are the same as online.",
        };
        var rulesOption = new Option<string?>("--rules") { Description = "The rules file (default: rules/handbook.yml)." };
        var nowOption = new Option<string?>("--now") { Description = "Offline only: evaluate as of this ISO-8601 time (default: now)." };
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var lint = new Command("lint", "Check one issue against the rules and print the verdict.") { target, issueJson, milestonesJson, rulesOption, nowOption, format };
        var writeMode = WriteModeOptions.AddTo(lint);
        lint.Validators.Add(result =>
        {
            var hasTarget = result.GetValue(target) is not null;
            var hasFile = result.GetValue(issueJson) is not null;
            if (hasTarget == hasFile)
            {
                result.AddError("lint needs either PROJECT#IID or --issue-json FILE (not both)");
            }

            if (!hasFile && result.GetValue(milestonesJson) is not null)
            {
                result.AddError("--milestones-json is for offline lint (--issue-json); online, lint reads GitLab's milestones itself");
            }
        });
        lint.SetAction((parse, cancellationToken) =>
        {
            var rulesPath = parse.GetValue(rulesOption);
            var json = parse.GetValue(format) == "json";
            return parse.GetValue(issueJson) is { } file
                ? Task.FromResult(LintFile(app, file, parse.GetValue(milestonesJson), rulesPath, parse.GetValue(nowOption), json))
                : OnlineRuntime.GuardAsync(app, () => LintOnlineAsync(app, parse.GetValue(target)!, rulesPath, WriteOverrides(parse, writeMode), json, cancellationToken));
        });
        return lint;
    }

    private static int LintFile(CliApp app, string file, string? milestonesFile, string? rulesPath, string? nowText, bool json)
    {
        var now = ParseNow(nowText, app.Time);
        var rules = RulesFile.LoadOrThrow(RulesFile.Resolve(rulesPath, Environment.GetEnvironmentVariable("IssueHygiene__Rules__Path")));
        var issue = IssueJsonFile.Read(file);
        // Without GitLab's milestone list nothing is known about which milestones exist: the current sprint cannot be
        // named, so work in flow without a milestone gets a comment with the reason instead of the online fix.
        var catalog = milestonesFile is null ? TrackerCatalog.Unknown : MilestonesJsonFile.Read(milestonesFile);
        var verdict = new Evaluator(rules).Evaluate(issue, now, catalog);
        app.Output.WriteLine(json ? JsonReportRenderer.RenderVerdict(verdict) : VerdictText.Render(verdict));
        return verdict.HasProblems ? ExitCodes.Violations : ExitCodes.Clean;
    }

    private static Dictionary<string, string?> WriteOverrides(ParseResult parse, WriteModeOptions writeMode)
    {
        var overrides = new Dictionary<string, string?>();
        writeMode.AddOverride(parse, overrides);
        return overrides;
    }

    private static async Task<int> LintOnlineAsync(CliApp app, string target, string? rulesPath, Dictionary<string, string?> overrides, bool json, CancellationToken cancellationToken)
    {
        var (project, iid) = ParseTarget(target);
        await using var runtime = await OnlineRuntime.StartAsync(app, overrides, rulesPath, cancellationToken);
        var readAt = app.Time.GetUtcNow();
        var issue = GitLabIssueMapper.ToSnapshot(await runtime.Services.GetRequiredService<IGitLabIssueReader>().GetIssueAsync(project, iid, cancellationToken));
        var bot = await runtime.Services.GetRequiredService<IGitLabDirectory>().GetCurrentUserAsync(cancellationToken);
        var catalogs = new TrackerCatalogCache(runtime.Services.GetRequiredService<IGitLabTaxonomy>());
        var context = new ActContext($"lint:{target}", runtime.Options.DryRun, new WriteBudget(runtime.Options.MaxWritesPerRun), bot.Id);
        // The same path as the sweep and the webhook worker: hygiene and the secret-leak response, one Actuator.
        var outcome = await runtime.Services.GetRequiredService<IssueProcessor>()
            .ProcessAsync(IssueRequest.For(issue, readAt), catalogs, context, cancellationToken);
        if (outcome.Verdict is not { } verdict)
        {
            app.Error.WriteLine($"{target}: {outcome.Error}");
            return ExitCodes.Failed;
        }

        if (json)
        {
            app.Output.WriteLine(JsonReportRenderer.RenderVerdict(verdict, outcome.Writes, runtime.Options.DryRun));
        }
        else
        {
            app.Output.WriteLine(VerdictText.Render(verdict));
            foreach (var write in outcome.Writes)
            {
                var verb = outcome.Status switch
                {
                    ActStatus.Written => "wrote",
                    ActStatus.Failed or ActStatus.Gone => "failed to write",
                    ActStatus.BudgetExhausted => "not written (write budget)",
                    _ => "would write",
                };
                app.Output.WriteLine($"{verb} {write.Kind.Name()}{(write.NoteId is { } id ? $" (note {id})" : string.Empty)}"
                    + (write.QuickActions.Count > 0 ? ": " + string.Join(" ", write.QuickActions) : string.Empty));
            }

            if (outcome.Status == ActStatus.Failed)
            {
                app.Error.WriteLine($"{target}: {outcome.Error}");
            }

            if (outcome.Writes.Count == 0 && verdict.Status == EvaluationStatus.Evaluated)
            {
                app.Output.WriteLine("nothing to write: the issue's lint note is up to date");
            }
        }

        return outcome.Status == ActStatus.Failed ? ExitCodes.Failed : verdict.HasProblems ? ExitCodes.Violations : ExitCodes.Clean;
    }

    /// <summary><c>group/project#123</c> or <c>42#123</c>.</summary>
    public static (IdOrPath Project, long Iid) ParseTarget(string target)
    {
        var hash = target.LastIndexOf('#');
        if (hash <= 0 || !long.TryParse(target.AsSpan(hash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var iid) || iid <= 0)
        {
            throw new UsageException($"'{target}' is not PROJECT#IID (e.g. my-group/my-project#123)");
        }

        var project = target[..hash].Trim('/');
        return (long.TryParse(project, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? IdOrPath.FromId(id) : IdOrPath.FromPath(project), iid);
    }

    /// <summary>An ISO-8601 instant; without an offset it is taken as UTC.</summary>
    public static DateTimeOffset ParseNow(string? text, TimeProvider time)
    {
        if (text is null)
        {
            return time.GetUtcNow();
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var now)
            ? now
            : throw new UsageException($"--now '{text}' is not an ISO-8601 time (e.g. 2026-11-23T09:00:00Z)");
    }
}
