using System.CommandLine;

namespace IssueHygiene.Cli;

/// <summary>
/// The <c>issue-hygiene</c> command line (DESIGN.md §5). Writers and clock are injected so tests run it in-process;
/// usage errors print one line and exit 2, never a stack trace.
/// </summary>
public sealed class CliApp(TextWriter output, TextWriter error, TimeProvider time)
{
    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    public TimeProvider Time { get; } = time;

    public int Run(string[] args)
    {
        var root = new RootCommand("IssueHygiene: keeps a GitLab group's issue tracker the way the team handbook asks.")
        {
            RulesCommands.Create(this),
            LintCommand.Create(this),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
            {
                Error.WriteLine($"error: {parseError.Message}");
            }

            Error.WriteLine("Run 'issue-hygiene --help' for usage.");
            return ExitCodes.UsageError;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = Output, Error = Error, EnableDefaultExceptionHandler = false });
        }
        catch (UsageException e)
        {
            Error.WriteLine($"error: {e.Message}");
            return ExitCodes.UsageError;
        }
    }
}
