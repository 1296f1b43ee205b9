using System.CommandLine;

namespace IssueHygiene.Cli;

/// <summary>
/// <c>--dry-run</c> and <c>--apply</c>, on every command that writes to GitLab: one run's answer to "may I write?",
/// overriding the <c>DryRun</c> setting (which stays <c>true</c> by default, so a new installation writes nothing
/// until someone says so). Giving both is a usage error.
/// </summary>
public sealed class WriteModeOptions
{
    private WriteModeOptions(Option<bool> dryRun, Option<bool> apply)
    {
        DryRun = dryRun;
        Apply = apply;
    }

    public Option<bool> DryRun { get; }

    public Option<bool> Apply { get; }

    /// <summary>Adds both options (and the check that they are not combined) to a command.</summary>
    public static WriteModeOptions AddTo(Command command)
    {
        var modes = new WriteModeOptions(
            new Option<bool>("--dry-run") { Description = "Write nothing; show what would be written (overrides DryRun)." },
            new Option<bool>("--apply") { Description = "Write to GitLab this run, whatever DryRun says." });
        command.Options.Add(modes.DryRun);
        command.Options.Add(modes.Apply);
        command.Validators.Add(result =>
        {
            if (result.GetValue(modes.DryRun) && result.GetValue(modes.Apply))
            {
                result.AddError("--dry-run and --apply cannot be combined");
            }
        });
        return modes;
    }

    /// <summary>The <c>DryRun</c> override the command line asks for; none when neither option is given.</summary>
    public void AddOverride(ParseResult parse, IDictionary<string, string?> overrides)
    {
        if (parse.GetValue(DryRun))
        {
            overrides["DryRun"] = "true";
        }
        else if (parse.GetValue(Apply))
        {
            overrides["DryRun"] = "false";
        }
    }
}
