using System.CommandLine;
using System.Globalization;
using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Reporting;

namespace IssueHygiene.Cli;

/// <summary>
/// <c>lint --issue-json FILE</c>: evaluates one issue given as GitLab's REST issue JSON, offline. Exit 1 when an
/// error or warning is found (info findings are listed but do not fail), 0 when clean, 2 on bad input.
/// </summary>
public static class LintCommand
{
    public static Command Create(CliApp app)
    {
        var issueJson = new Option<string>("--issue-json")
        {
            Description = "A file holding one issue as GitLab's REST API returns it (GET /projects/:id/issues/:iid).",
            Required = true,
        };
        var rulesOption = new Option<string?>("--rules") { Description = "The rules file (default: rules/handbook.yml)." };
        var nowOption = new Option<string?>("--now") { Description = "Evaluate as of this ISO-8601 time (default: now)." };
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");

        var lint = new Command("lint", "Check one issue against the rules and print the verdict.") { issueJson, rulesOption, nowOption, format };
        lint.SetAction(parse =>
        {
            var now = ParseNow(parse.GetValue(nowOption), app.Time);
            var rules = RulesFile.LoadOrThrow(RulesFile.Resolve(parse.GetValue(rulesOption), Environment.GetEnvironmentVariable("IssueHygiene__Rules__Path")));
            var issue = IssueJsonFile.Read(parse.GetRequiredValue(issueJson));
            var verdict = new Evaluator(rules).Evaluate(issue, now);
            app.Output.WriteLine(parse.GetValue(format) == "json" ? JsonReportRenderer.RenderVerdict(verdict) : VerdictText.Render(verdict));
            return verdict.HasProblems ? ExitCodes.Violations : ExitCodes.Clean;
        });
        return lint;
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
