using System.Globalization;

namespace IssueHygiene.Benchmarks.Report;

/// <summary>
/// The machine's one-minute load average (<c>/proc/loadavg</c>), recorded beside each figure: on a shared machine a
/// wall time means little without it.
/// </summary>
internal static class MachineLoad
{
    public static string Now() =>
        File.Exists("/proc/loadavg")
            ? double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture).ToString("F1", CultureInfo.InvariantCulture)
            : "unknown";
}
