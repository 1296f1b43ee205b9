namespace IssueHygiene.Serving;

/// <summary>
/// Placeholder marking where <c>serve</c> registers the nightly sweep until <c>Hygiene/SweepScheduler</c> exists
/// (see <see cref="ServeHost"/>'s <c>AddNightlySweep</c>). Resolving it tells nothing runs on a schedule yet.
/// </summary>
public sealed class NightlySweepRegistration
{
    public bool SchedulerRegistered => false;
}
