using IssueHygiene.Processing;

namespace IssueHygiene.Sweeping;

/// <summary>Hears a sweep's progress (terminal display, logs, metrics). Called from the sweep's flow, in order.</summary>
public interface ISweepObserver
{
    void ScopeStarted(SweepScope scope, bool resumed);

    void IssueDone(SweepScope scope, ActOutcome outcome);

    void ScopeFinished(SweepScope scope, long issues);

    /// <summary>No observer.</summary>
    public static ISweepObserver None { get; } = new NullSweepObserver();

    private sealed class NullSweepObserver : ISweepObserver
    {
        public void ScopeStarted(SweepScope scope, bool resumed)
        {
        }

        public void IssueDone(SweepScope scope, ActOutcome outcome)
        {
        }

        public void ScopeFinished(SweepScope scope, long issues)
        {
        }
    }
}
