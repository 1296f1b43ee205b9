using System.CommandLine;
using IssueHygiene.Hosting;

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

    /// <summary>Where log lines go: the error writer unless a caller (the demo) shows <see cref="Error"/> to the user.</summary>
    public TextWriter Logs { get => field ?? Error; init; }

    /// <summary>Configuration applied over appsettings.json and the environment (tests, <c>demo</c>).</summary>
    public IDictionary<string, string?> ConfigurationOverrides { get; init; } = new Dictionary<string, string?>();

    /// <summary>The process's signal handling (null in-process): turns a cancelled run into exit 130 or 143.</summary>
    public Hosting.ProcessInterruption? Interruption { get; init; }

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
            ServeCommand.Create(this),
            MilestonesCommands.Create(this),
            LabelsCommands.Create(this),
            DoctorCommand.Create(this),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // One line, naming the option, whatever went wrong: scripts and people read the first line.
            Error.WriteLine($"error: {string.Join("; ", parsed.Errors.Select(Describe)).ReplaceLineEndings(" ")} (see issue-hygiene --help)");
            return ExitCodes.UsageError;
        }

        try
        {
            // ProcessTerminationTimeout = null: signals are handled by ProcessInterruption, which cancels the token
            // given here; System.CommandLine's own handling would cancel a token of its own and then kill the process.
            var exit = await parsed.InvokeAsync(
                new InvocationConfiguration { Output = Output, Error = Error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null },
                cancellationToken);
            return cancellationToken.IsCancellationRequested ? Interrupted() : exit;
        }
        catch (UsageException e)
        {
            Error.WriteLine($"error: {e.Message.ReplaceLineEndings(" ")}");
            return ExitCodes.UsageError;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Interrupted();
        }
    }

    private static string Describe(System.CommandLine.Parsing.ParseError error)
    {
        var option = error.SymbolResult switch
        {
            System.CommandLine.Parsing.OptionResult o => o.Option.Name,
            System.CommandLine.Parsing.ArgumentResult { Parent: System.CommandLine.Parsing.OptionResult o } => o.Option.Name,
            _ => null,
        };
        return option is null || error.Message.Contains(option, StringComparison.Ordinal) ? error.Message : $"{option}: {error.Message}";
    }

    /// <summary>
    /// One line, and the signal's exit code: what was written is in the audit log, and a sweep resumes from its
    /// checkpoint. In-process callers without signal handling get <see cref="ExitCodes.Failed"/>.
    /// </summary>
    private int Interrupted()
    {
        Error.WriteLine(Interruption is { ExitCode: not null } signal
            ? $"interrupted by {signal.SignalName}: stopped cleanly; a sweep resumes from its checkpoint next run"
            : "interrupted: stopped cleanly; a sweep resumes from its checkpoint next run");
        return Interruption?.ExitCode ?? ExitCodes.Failed;
    }
}
