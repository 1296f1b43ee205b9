using System.Globalization;

namespace IssueHygiene.GitLabSimulator.Hosting;

/// <summary>
/// Process-mode arguments (docs/architecture.md §7, a contract):
/// <c>--port P --issues N [--seed S] [--token T] [--latency-ms L] [--free-tier]</c>, plus the
/// other knobs. Parsing is a value: options or an error message, never an exception.
/// </summary>
internal static class CommandLine
{
    public const string Usage =
        "usage: IssueHygiene.GitLabSimulator --port P --issues N [--seed S] [--token T] [--bot-token T] [--latency-ms L] [--free-tier]\n" +
        "         [--requests-per-minute N] [--notes-per-minute N] [--fault-rate F] [--print-requests]";

    public static (SimulatorOptions? Options, bool PrintRequests, string? Error) Parse(IReadOnlyList<string> args)
    {
        var options = new SimulatorOptions { LogToConsole = true };
        var knobs = new SimulatorKnobsSettings();
        var printRequests = false;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "--free-tier")
            {
                knobs = knobs with { ScopedLabelExclusivity = false };
                continue;
            }

            if (name is "--print-requests")
            {
                printRequests = true;
                continue;
            }

            if (name is "-h" or "--help")
            {
                return (null, false, Usage);
            }

            if (i + 1 >= args.Count)
            {
                return (null, false, $"{name}: missing value\n{Usage}");
            }

            var value = args[++i];
            switch (name)
            {
                case "--port" when Int(value, 0, 65535) is { } port:
                    options = options with { Port = port };
                    break;
                case "--issues" when Int(value, 0, 10_000_000) is { } issues:
                    options = options with { Issues = issues };
                    break;
                case "--seed" when Int(value, int.MinValue, int.MaxValue) is { } seed:
                    options = options with { Seed = seed };
                    break;
                case "--token" when value.Length > 0:
                    options = options with { AdminToken = value };
                    break;
                case "--bot-token" when value.Length > 0:
                    options = options with { BotToken = value };
                    break;
                case "--latency-ms" when Int(value, 0, 600_000) is { } latency:
                    knobs = knobs with { Latency = TimeSpan.FromMilliseconds(latency) };
                    break;
                case "--requests-per-minute" when Int(value, 1, int.MaxValue) is { } rpm:
                    knobs = knobs with { RequestsPerMinute = rpm };
                    break;
                case "--notes-per-minute" when Int(value, 1, int.MaxValue) is { } npm:
                    knobs = knobs with { NotesPerMinute = npm };
                    break;
                case "--fault-rate" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) && rate is >= 0 and <= 1:
                    knobs = knobs with { FaultRate = rate };
                    break;
                case "--port" or "--issues" or "--seed" or "--token" or "--bot-token" or "--latency-ms" or "--requests-per-minute" or "--notes-per-minute" or "--fault-rate":
                    return (null, false, $"{name}: invalid value '{value}'\n{Usage}");
                default:
                    return (null, false, $"unknown option '{name}'\n{Usage}");
            }
        }

        return (options with { Knobs = knobs }, printRequests, null);
    }

    private static int? Int(string text, int min, int max) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max ? value : null;
}
