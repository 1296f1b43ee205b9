using System.CommandLine;
using IssueHygiene.Core.Rules;
using IssueHygiene.Hosting;

namespace IssueHygiene.Cli;

/// <summary><c>rules check [FILE]</c>: validates a rules file, errors as <c>FILE:LINE:COL: message</c>.</summary>
public static class RulesCommands
{
    public static Command Create(CliApp app)
    {
        var file = new Argument<string?>("FILE")
        {
            Description = "The rules file (default: Rules:Path, else rules/handbook.yml).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var check = new Command("check", "Validate a rules file; every error is printed as FILE:LINE:COL: message.") { file };
        check.SetAction(parse =>
        {
            var path = RulesFile.Resolve(parse.GetValue(file), Environment.GetEnvironmentVariable("IssueHygiene__Rules__Path"));
            var result = RulesFile.Load(path);
            if (result.RuleSet is not { } rules)
            {
                foreach (var problem in result.Errors)
                {
                    app.Error.WriteLine(problem.ToString());
                }

                app.Error.WriteLine($"{path}: {result.Errors.Count} error(s)");
                return ExitCodes.UsageError;
            }

            var enabled = rules.Rules.Values.Count(r => r.Action != Core.Policy.RuleAction.Off);
            app.Output.WriteLine(
                $"{path}: OK ({enabled} of {RuleCatalog.All.Count} rules enabled, {rules.Labels.All.Count()} documented labels, time zone {rules.TimeZone.Id})");
            return ExitCodes.Clean;
        });

        return new Command("rules", "Work with rules files.") { check };
    }
}
