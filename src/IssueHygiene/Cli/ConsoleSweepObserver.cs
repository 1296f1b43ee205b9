using System.Globalization;
using IssueHygiene.GitLab.Diagnostics;
using IssueHygiene.Processing;
using IssueHygiene.Sweeping;

namespace IssueHygiene.Cli;

/// <summary>
/// Progress of a long sweep: on a terminal one line rewritten in place (issues seen, writes, API calls, rate-limit
/// waits), at most ten times a second; otherwise a plain line per scope and every 1,000 issues.
/// </summary>
public sealed class ConsoleSweepObserver(TextWriter output, bool interactive, GitLabCallStatistics statistics, TimeProvider time) : ISweepObserver
{
    private long _issues;
    private long _writes;
    private long _findings;
    private long _lastDraw;

    public void ScopeStarted(SweepScope scope, bool resumed)
    {
        EndLine();
        output.WriteLine(resumed ? $"sweeping {scope} (resuming an interrupted run)" : $"sweeping {scope}");
    }

    public void IssueDone(SweepScope scope, ActOutcome outcome)
    {
        _issues++;
        _findings += outcome.Verdict?.Violations.Count ?? 0;
        if (outcome.Status is ActStatus.Written or ActStatus.Planned)
        {
            _writes += outcome.Writes.Count;
        }

        if (interactive)
        {
            var now = time.GetTimestamp();
            if (time.GetElapsedTime(_lastDraw, now) >= TimeSpan.FromMilliseconds(100))
            {
                _lastDraw = now;
                output.Write("\r" + Line());
            }
        }
        else if (_issues % 1000 == 0)
        {
            output.WriteLine(Line());
        }
    }

    public void ScopeFinished(SweepScope scope, long issues)
    {
        EndLine();
        output.WriteLine($"{scope}: {issues.ToString(CultureInfo.InvariantCulture)} open issues checked");
    }

    private string Line()
    {
        var calls = statistics.Snapshot();
        return string.Create(CultureInfo.InvariantCulture,
            $"  issues {_issues}, findings {_findings}, writes {_writes}, API calls {calls.TotalCalls}, rate-limit wait {calls.RateLimitWait.TotalSeconds:F1} s");
    }

    private void EndLine()
    {
        if (interactive && _issues > 0)
        {
            output.Write("\r" + Line() + Environment.NewLine);
        }
    }
}
