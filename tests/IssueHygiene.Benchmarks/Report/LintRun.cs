namespace IssueHygiene.Benchmarks.Report;

/// <summary><c>issue-hygiene lint --issue-json examples/issue-needs-triage.json</c>, start to exit.</summary>
internal static class LintRun
{
    public static async Task<IReadOnlyList<ChildRun>> RunAsync(string root, string executable, int times)
    {
        var runs = new List<ChildRun>();
        for (var i = 0; i < times; i++)
        {
            var run = await ChildRun.RunAsync(executable, ["lint", "--issue-json", Path.Combine(root, "examples", "issue-needs-triage.json")], new Dictionary<string, string>());
            if (run.ExitCode is not (0 or 1))
            {
                throw new InvalidOperationException($"lint exited {run.ExitCode}:\n{run.StandardError}");
            }

            runs.Add(run);
        }

        return runs;
    }
}
