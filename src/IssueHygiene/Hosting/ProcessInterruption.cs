using System.Runtime.InteropServices;

namespace IssueHygiene.Hosting;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM for the executable, handled in one place: the first signal cancels <see cref="Token"/>,
/// which every command passes through its I/O, so the command stops where it stands — a sweep leaves its run
/// unfinished with its checkpoint (the next sweep resumes it), the lint worker releases its claims — and the process
/// exits 130 (SIGINT) or 143 (SIGTERM), as a shell reports a process killed by those signals. A second signal
/// exits at once, for when stopping cleanly takes longer than the person at the keyboard will wait.
/// </summary>
public sealed class ProcessInterruption : IDisposable
{
    public const int InterruptedExitCode = 130;
    public const int TerminatedExitCode = 143;

    private readonly CancellationTokenSource _cancellation = new();
    private readonly PosixSignalRegistration[] _registrations;
    private int _exitCode;

    private ProcessInterruption()
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle),
        ];
    }

    /// <summary>Cancelled by the first SIGINT or SIGTERM.</summary>
    public CancellationToken Token => _cancellation.Token;

    /// <summary>130 after SIGINT, 143 after SIGTERM; null while no signal came.</summary>
    public int? ExitCode => Volatile.Read(ref _exitCode) is var code and > 0 ? code : null;

    /// <summary>The signal's name for the one line printed on stderr.</summary>
    public string SignalName => ExitCode == TerminatedExitCode ? "SIGTERM" : "SIGINT (Ctrl+C)";

    public static ProcessInterruption Register() => new();

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _cancellation.Dispose();
    }

    private void Handle(PosixSignalContext context)
    {
        var code = context.Signal == PosixSignal.SIGTERM ? TerminatedExitCode : InterruptedExitCode;
        if (Interlocked.CompareExchange(ref _exitCode, code, 0) != 0)
        {
            // Second signal: the person asked twice. Leave now; storage is transactional and a sweep resumes.
            Environment.Exit(code);
        }

        context.Cancel = true;
        _cancellation.Cancel();
    }
}
