namespace IssueHygiene.Taxonomy;

/// <summary>What <see cref="MilestonePlanScheduler"/> runs at each occurrence (narrow, so tests can count runs).</summary>
public interface IMilestonePlanJob
{
    Task RunAsync(CancellationToken cancellationToken);
}
