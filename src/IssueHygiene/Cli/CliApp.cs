using System.CommandLine;

namespace IssueHygiene.Cli;

/// <summary>
/// The <c>issue-hygiene</c> command line (docs/architecture.md §5). Writers and clock are injected so tests run it in-process;
/// usage errors print one line and exit 2, never a stack trace.
/// </summary>
public sealed class CliApp(TextWriter output, TextWriter error, TimeProvider time)
{
    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    public TimeProvider Time { get; } = time;

    /// <summary>Configuration applied over appsettings.json and the environment (tests, <c>demo</c>).</summary>
    public IDictionary<string, string?> ConfigurationOverrides { get; init; } = new Dictionary<string, string?>();

    /// <summary>True when output goes to a terminal (progress is drawn in place).</summary>
    public bool Interactive { get; init; }

    public int Run(string[] args) => RunAsync(args, CancellationToken.None).GetAwaiter().GetResult();

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var root = new RootCommand("IssueHygiene: keeps a GitLab group's issue tracker the way the team handbook asks.")
        {
            RulesCommands.Create(this),
            LintCommand.Create(this),
            SweepCommands.CreateSweep(this),
            SweepCommands.CreateReport(this),
            DemoCommand.Create(this),
            Serving.ServeCommand.Create(this),
            MilestonesCommands.Create(this),
            LabelsCommands.Create(this),
            DoctorCommand.Create(this),
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
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = Output, Error = Error, EnableDefaultExceptionHandler = false }, cancellationToken);
        }
        catch (UsageException e)
        {
            Error.WriteLine($"error: {e.Message}");
            return ExitCodes.UsageError;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Interrupted (Ctrl+C, shutdown): what was written is in the audit log; a sweep resumes from its checkpoint.
            Error.WriteLine("interrupted");
            return ExitCodes.Failed;
        }
    }
}
