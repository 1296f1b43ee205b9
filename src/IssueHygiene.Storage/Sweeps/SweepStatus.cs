namespace IssueHygiene.Storage.Sweeps;

public enum SweepStatus
{
    Running,
    Succeeded,
    Failed,

    /// <summary>Superseded by a newer run of the same scope before it finished.</summary>
    Abandoned,
}
