using System.Globalization;

namespace IssueHygiene.Benchmarks.Report;

internal sealed record ReportOptions(int Repeat, IReadOnlyList<int> Sizes, bool Live, bool Webhooks, int WebhookSeconds, bool Sweeps = true, string? Output = null)
{
    public static ReportOptions Parse(string[] args)
    {
        var repeat = 3;
        IReadOnlyList<int> sizes = [10_000, 100_000];
        var live = true;
        var webhooks = true;
        var webhookSeconds = 20;
        var sweeps = true;
        string? output = null;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--repeat":
                    repeat = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--sizes":
                    sizes = [.. args[++i].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))];
                    break;
                case "--no-live":
                    live = false;
                    break;
                case "--no-webhooks":
                    webhooks = false;
                    break;
                case "--no-sweeps":
                    // Only lint and the webhook intake: for working on the intake (the table then shows no sweep row).
                    sweeps = false;
                    break;
                case "--output":
                    // Somewhere other than docs/performance.md (a trial run).
                    output = args[++i];
                    break;
                case "--webhook-seconds":
                    webhookSeconds = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                default:
                    throw new ArgumentException($"unknown report option '{args[i]}'");
            }
        }

        return new ReportOptions(repeat, sizes, live && sweeps, webhooks, webhookSeconds, sweeps, output);
    }
}
