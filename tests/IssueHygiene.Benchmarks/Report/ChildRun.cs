using System.Diagnostics;
using System.Globalization;

namespace IssueHygiene.Benchmarks.Report;

/// <summary>
/// One run of a child process measured by the kernel, not by us: <c>/usr/bin/time</c> reports the child's own
/// user and system CPU seconds (getrusage of the waited-for child, start-up and JIT included) and its peak RSS.
/// CPU seconds are what this benchmark compares: on a shared machine wall time mostly measures the neighbours.
/// </summary>
internal sealed record ChildRun(int ExitCode, double WallSeconds, double UserSeconds, double SystemSeconds, double PeakRssMiB, string StandardOutput, string StandardError)
{
    public double CpuSeconds => UserSeconds + SystemSeconds;

    /// <summary>The one-minute load average when the child exited.</summary>
    public string LoadAverage { get; init; } = MachineLoad.Now();

    public static async Task<ChildRun> RunAsync(string executable, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken = default)
    {
        if (!File.Exists("/usr/bin/time"))
        {
            throw new InvalidOperationException("/usr/bin/time is missing (Debian package 'time'): it measures the child's CPU seconds and peak RSS");
        }

        var report = Path.Combine(Path.GetTempPath(), $"issue-hygiene-rusage-{Guid.NewGuid():N}.txt");
        var start = new ProcessStartInfo("/usr/bin/time")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-o", report, "-f", "%e %U %S %M", executable }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        try
        {
            // /usr/bin/time writes "Command exited with non-zero status N" before the format line.
            var fields = (await File.ReadAllLinesAsync(report, cancellationToken)).Last().Split(' ');
            double F(int i) => double.Parse(fields[i], CultureInfo.InvariantCulture);
            return new ChildRun(process.ExitCode, F(0), F(1), F(2), F(3) / 1024.0, await output, await error);
        }
        finally
        {
            File.Delete(report);
        }
    }
}
