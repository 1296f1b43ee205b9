namespace IssueHygiene.GitLabSimulator;

/// <summary>The faults the simulator can inject; combine them to pick which ones a fault rate draws from.</summary>
[Flags]
public enum FaultKinds
{
    None = 0,
    InternalServerError = 1,
    BadGateway = 2,
    ServiceUnavailable = 4,
    /// <summary>The request stays open for <see cref="SimulatorKnobsSettings.HangDuration"/>: a client timeout.</summary>
    Hang = 8,
    /// <summary>The connection is aborted without a response.</summary>
    DropConnection = 16,
    ServerErrors = InternalServerError | BadGateway | ServiceUnavailable,
    All = ServerErrors | Hang | DropConnection,
}
