using System.CommandLine;
using System.Globalization;
using IssueHygiene.Hygiene;
using IssueHygiene.Taxonomy;
using Microsoft.Extensions.DependencyInjection;

namespace IssueHygiene.Cli;

/// <summary>
/// <c>milestones plan [--group G] [--dry-run]</c>: creates the group's missing sprint milestones for the next
/// <c>planAheadWeeks</c> weeks and reports sprint milestones named for the wrong day. Exit 0 when everything is in
/// order afterwards, 1 when something is still missing (a dry run), wrong or refused.
/// </summary>
public static class MilestonesCommands
{
    public static Command Create(CliApp app)
    {
        var groups = new Option<string[]>("--group") { Description = "Group id or path (repeatable; default: Scopes:Groups)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Write nothing; show what would be created." };
        var rules = new Option<string?>("--rules") { Description = "The rules file (default: Rules:Path, else rules/handbook.yml)." };
        var maxWrites = new Option<int?>("--max-writes") { Description = "Write budget of this run (default: MaxWritesPerRun, 50)." };
        var plan = new Command("plan", "Create the missing sprint milestones for the next planAheadWeeks weeks (dry run unless DryRun=false).")
        {
            groups, dryRun, rules, maxWrites,
        };

        plan.SetAction((parse, cancellationToken) => OnlineRuntime.GuardAsync(app, async () =>
        {
            await using var runtime = await OnlineRuntime.StartAsync(app, Overrides(parse.GetValue(dryRun), parse.GetValue(maxWrites)), parse.GetValue(rules), cancellationToken);
            var runner = runtime.Services.GetRequiredService<MilestonePlanRunner>();
            var budget = new WriteBudget(runtime.Options.MaxWritesPerRun);
            var inOrder = true;
            foreach (var group in GroupScopes.From(runtime.Options, parse.GetValue(groups)))
            {
                var outcome = await runner.RunAsync(group, runtime.Options.DryRun, budget, cancellationToken);
                Print(app.Output, outcome);
                inOrder &= outcome.InOrder;
            }

            if (runtime.Options.DryRun)
            {
                app.Error.WriteLine("dry run: nothing was created (set DryRun=false, IssueHygiene__DryRun=false, to create)");
            }

            return inOrder ? ExitCodes.Clean : ExitCodes.Violations;
        }));

        return new Command("milestones", "Sprint milestones, named for their Friday and planned weeks ahead.") { plan };
    }

    /// <summary>The configuration a <c>--dry-run</c>/<c>--max-writes</c> command line implies.</summary>
    internal static Dictionary<string, string?> Overrides(bool dryRun, int? maxWrites)
    {
        var overrides = new Dictionary<string, string?>();
        if (dryRun)
        {
            overrides["DryRun"] = "true";
        }

        if (maxWrites is { } budget)
        {
            overrides["MaxWritesPerRun"] = budget.ToString(CultureInfo.InvariantCulture);
        }

        return overrides;
    }

    private static void Print(TextWriter output, MilestonePlanOutcome outcome)
    {
        var plan = outcome.Plan;
        output.WriteLine($"{outcome.Group}: today {Iso(plan.Today)}; sprints {Iso(plan.SprintDates[0])} to {Iso(plan.SprintDates[^1])}");
        var created = outcome.Created.ToHashSet();
        foreach (var milestone in plan.ToCreate)
        {
            var what = created.Contains(milestone) ? "created" : outcome.DryRun ? "would create" : "not created";
            output.WriteLine($"  + {what} \"{milestone.Title}\" ({Iso(milestone.StartDate)} to {Iso(milestone.DueDate)})");
        }

        if (plan.IsEmpty)
        {
            output.WriteLine($"  = all {plan.SprintDates.Count} sprint milestones exist");
        }

        foreach (var problem in plan.Problems)
        {
            output.WriteLine($"  ! {problem.Rule}: {problem.Message}");
        }

        foreach (var failure in outcome.Failures)
        {
            output.WriteLine($"  x failed {failure}");
        }

        if (outcome.BudgetExhausted)
        {
            output.WriteLine("  x stopped: the write budget (MaxWritesPerRun) is used up");
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
