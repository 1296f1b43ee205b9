using System.CommandLine;
using System.Text.Json.Nodes;
using IssueHygiene.Doctor;
using IssueHygiene.Hosting;

namespace IssueHygiene.Cli;

/// <summary>
/// <c>doctor [--rules FILE]</c>: a checklist of what a new installation needs, ✓ or ✗ with the fix for each, ? for
/// what the token may not see. Exit 0 when no check fails, 1 otherwise. Reads only (GET requests).
/// </summary>
public static class DoctorCommand
{
    public static Command Create(CliApp app)
    {
        var rules = new Option<string?>("--rules") { Description = "The rules file (default: Rules:Path, else rules/handbook.yml)." };
        var format = FormatOption.Create();
        var command = new Command("doctor", "Check the installation: GitLab, token, access, labels, sprint milestones, webhooks, storage, rules, schedule.") { rules, format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var configuration = AppConfiguration.Build(app.ConfigurationOverrides);
            ConfigurationValueCheck.ThrowIfUnreadable(configuration);
            var checks = await new DoctorRunner(configuration, app.Time).RunAsync(parse.GetValue(rules), cancellationToken);
            var failed = checks.Count(c => c.Status == DoctorStatus.Fail);
            var unverified = checks.Count(c => c.Status == DoctorStatus.Unverified);
            if (FormatOption.IsJson(parse, format))
            {
                app.Output.WriteLine(FormatOption.Render(new JsonObject
                {
                    ["checks"] = new JsonArray([.. checks.Select(c => (JsonNode)new JsonObject
                    {
                        ["title"] = c.Title,
                        ["status"] = c.Status.ToString().ToLowerInvariant(),
                        ["detail"] = c.Detail,
                        ["fix"] = c.Fix,
                    })]),
                    ["passed"] = checks.Count - failed - unverified,
                    ["failed"] = failed,
                    ["unverified"] = unverified,
                }));
                return failed == 0 ? ExitCodes.Clean : ExitCodes.Violations;
            }

            foreach (var check in checks)
            {
                app.Output.WriteLine($"{Mark(check.Status)} {check.Title}: {check.Detail}");
                if (check.Status != DoctorStatus.Pass && check.Fix is not null)
                {
                    app.Output.WriteLine($"    fix: {check.Fix}");
                }
            }

            app.Output.WriteLine($"{checks.Count} checks: {checks.Count - failed - unverified} passed, {failed} failed, {unverified} not verifiable");
            return failed == 0 ? ExitCodes.Clean : ExitCodes.Violations;
        });
        return command;
    }

    private static string Mark(DoctorStatus status) => status switch
    {
        DoctorStatus.Pass => "✓",
        DoctorStatus.Fail => "✗",
        _ => "?",
    };
}
