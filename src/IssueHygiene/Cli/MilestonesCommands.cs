using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using IssueHygiene.Hosting;
using IssueHygiene.Processing;
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
        var rules = new Option<string?>("--rules") { Description = "The rules file (default: Rules:Path, else rules/handbook.yml)." };
        var maxWrites = new Option<int?>("--max-writes") { Description = "Write budget of this run (default: MaxWritesPerRun, 50)." };
        var plan = new Command("plan", "Create the missing sprint milestones for the next planAheadWeeks weeks (dry run unless DryRun=false).")
        {
            groups, rules, maxWrites,
        };
        var format = FormatOption.Create();
        plan.Options.Add(format);
        var writeMode = WriteModeOptions.AddTo(plan);

        plan.SetAction((parse, cancellationToken) => OnlineRuntime.GuardAsync(app, async () =>
        {
            await using var runtime = await OnlineRuntime.StartAsync(app, Overrides(parse, writeMode, parse.GetValue(maxWrites)), parse.GetValue(rules), cancellationToken);
            var runner = runtime.Services.GetRequiredService<MilestonePlanRunner>();
            var budget = new WriteBudget(runtime.Options.MaxWritesPerRun);
            var inOrder = true;
            var json = new JsonArray();
            foreach (var group in GroupScopes.From(runtime.Options, parse.GetValue(groups)))
            {
                var outcome = await runner.RunAsync(group, runtime.Options.DryRun, budget, cancellationToken);
                if (FormatOption.IsJson(parse, format))
                {
                    json.Add((JsonNode)Json(outcome));
                }
                else
                {
                    Print(app.Output, outcome);
                }

                inOrder &= outcome.InOrder;
            }

            if (FormatOption.IsJson(parse, format))
            {
                app.Output.WriteLine(FormatOption.Render(new JsonObject { ["dryRun"] = runtime.Options.DryRun, ["inOrder"] = inOrder, ["groups"] = json }));
            }

            if (runtime.Options.DryRun)
            {
                app.Error.WriteLine("dry run: nothing was created (pass --apply, or set DryRun=false / IssueHygiene__DryRun=false, to create)");
            }

            return inOrder ? ExitCodes.Clean : ExitCodes.Violations;
        }));

        return new Command("milestones", "Sprint milestones, named for their Friday and planned weeks ahead.") { plan };
    }

    /// <summary>The configuration a <c>--dry-run</c>/<c>--max-writes</c> command line implies.</summary>
    internal static Dictionary<string, string?> Overrides(System.CommandLine.ParseResult parse, WriteModeOptions writeMode, int? maxWrites)
    {
        var overrides = new Dictionary<string, string?>();
        writeMode.AddOverride(parse, overrides);

        if (maxWrites is { } budget)
        {
            overrides["MaxWritesPerRun"] = budget.ToString(CultureInfo.InvariantCulture);
        }

        return overrides;
    }

    private static JsonObject Json(MilestonePlanOutcome outcome)
    {
        var plan = outcome.Plan;
        var created = outcome.Created.ToHashSet();
        return new JsonObject
        {
            ["group"] = outcome.Group,
            ["inOrder"] = outcome.InOrder,
            ["today"] = Iso(plan.Today),
            ["sprintDates"] = new JsonArray([.. plan.SprintDates.Select(d => (JsonNode)JsonValue.Create(Iso(d)))]),
            ["toCreate"] = new JsonArray([.. plan.ToCreate.Select(m => (JsonNode)new JsonObject
            {
                ["title"] = m.Title,
                ["startDate"] = Iso(m.StartDate),
                ["dueDate"] = Iso(m.DueDate),
                ["created"] = created.Contains(m),
            })]),
            ["problems"] = new JsonArray([.. plan.Problems.Select(p => (JsonNode)new JsonObject { ["rule"] = p.Rule, ["message"] = p.Message })]),
            ["failures"] = new JsonArray([.. outcome.Failures.Select(f => (JsonNode)JsonValue.Create(f))]),
            ["budgetExhausted"] = outcome.BudgetExhausted,
        };
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
