namespace IssueHygiene.Benchmarks.Report;

internal sealed class ReportResults
{
    public List<ChildRun> Lint { get; } = [];

    public List<SweepRun> Sweeps { get; } = [];

    public List<WebhookIntakeRun> Intake { get; } = [];

    public List<string> Failures { get; } = [];
}
