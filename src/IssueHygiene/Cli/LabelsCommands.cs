using System.CommandLine;
using System.Text.Json.Nodes;
using IssueHygiene.Core.Taxonomy;
using IssueHygiene.Hosting;
using IssueHygiene.Processing;
using IssueHygiene.Taxonomy;
using Microsoft.Extensions.DependencyInjection;

namespace IssueHygiene.Cli;

/// <summary>
/// <c>labels sync [--group G] [--dry-run]</c>: makes the group's labels match the rules taxonomy (create, update,
/// rename; never delete) and lists undocumented labels on open issues. Exit 0 when the labels match afterwards, 1
/// when something is still to do (a dry run), conflicting or refused; undocumented labels (info) do not fail.
/// </summary>
public static class LabelsCommands
{
    public static Command Create(CliApp app)
    {
        var groups = new Option<string[]>("--group") { Description = "Group id or path (repeatable; default: Scopes:Groups)." };
        var rules = new Option<string?>("--rules") { Description = "The rules file (default: Rules:Path, else rules/handbook.yml)." };
        var maxWrites = new Option<int?>("--max-writes") { Description = "Write budget of this run (default: MaxWritesPerRun, 50)." };
        var sync = new Command("sync", "Make the group's labels match the rules taxonomy (dry run unless DryRun=false).")
        {
            groups, rules, maxWrites,
        };
        var format = FormatOption.Create();
        sync.Options.Add(format);
        var writeMode = WriteModeOptions.AddTo(sync);

        sync.SetAction((parse, cancellationToken) => OnlineRuntime.GuardAsync(app, async () =>
        {
            await using var runtime = await OnlineRuntime.StartAsync(app, MilestonesCommands.Overrides(parse, writeMode, parse.GetValue(maxWrites)), parse.GetValue(rules), cancellationToken);
            var runner = runtime.Services.GetRequiredService<LabelSyncRunner>();
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
                app.Error.WriteLine("dry run: no label was changed (pass --apply, or set DryRun=false / IssueHygiene__DryRun=false, to change them)");
            }

            return inOrder ? ExitCodes.Clean : ExitCodes.Violations;
        }));

        return new Command("labels", "Group labels, kept equal to the rules taxonomy.") { sync };
    }

    private static JsonObject Json(LabelSyncOutcome outcome)
    {
        var applied = outcome.Applied.ToHashSet();
        return new JsonObject
        {
            ["group"] = outcome.Group,
            ["inOrder"] = outcome.InOrder,
            ["changes"] = new JsonArray([.. outcome.Plan.Changes.Select(c => (JsonNode)new JsonObject
            {
                ["kind"] = c.Kind.ToString().ToLowerInvariant(),
                ["name"] = c.Name,
                ["previousName"] = c.PreviousName,
                ["color"] = c.Color,
                ["reason"] = c.Reason,
                ["done"] = applied.Contains(c),
            })]),
            ["conflicts"] = new JsonArray([.. outcome.Plan.Conflicts.Select(c => (JsonNode)JsonValue.Create(c))]),
            ["failures"] = new JsonArray([.. outcome.Failures.Select(f => (JsonNode)JsonValue.Create(f))]),
            ["budgetExhausted"] = outcome.BudgetExhausted,
            ["undocumented"] = outcome.Undocumented is { } undocumented
                ? new JsonArray([.. undocumented.Select(u => (JsonNode)new JsonObject { ["name"] = u.Name, ["openIssues"] = u.OpenIssues })])
                : null,
        };
    }

    private static void Print(TextWriter output, LabelSyncOutcome outcome)
    {
        output.WriteLine($"{outcome.Group}:");
        var applied = outcome.Applied.ToHashSet();
        foreach (var change in outcome.Plan.Changes)
        {
            var what = applied.Contains(change) ? "done" : outcome.DryRun ? "would do" : "not done";
            output.WriteLine(change.Kind switch
            {
                LabelChangeKind.Create => $"  + create \"{change.Name}\" ({change.Color}) [{what}]",
                LabelChangeKind.Rename => $"  > rename \"{change.PreviousName}\" to \"{change.Name}\" [{what}]",
                _ => $"  ~ update \"{change.Name}\": {change.Reason} [{what}]",
            });
        }

        if (outcome.Plan.IsEmpty)
        {
            output.WriteLine("  = every taxonomy label exists with its colour and description");
        }

        foreach (var conflict in outcome.Plan.Conflicts)
        {
            output.WriteLine($"  ! {conflict}");
        }

        foreach (var failure in outcome.Failures)
        {
            output.WriteLine($"  x failed {failure}");
        }

        if (outcome.BudgetExhausted)
        {
            output.WriteLine("  x stopped: the write budget (MaxWritesPerRun) is used up");
        }

        if (outcome.Undocumented is { Count: > 0 } undocumented)
        {
            output.WriteLine($"  label-documented: {undocumented.Count} undocumented label(s) on open issues (document them in the rules file, or stop using them):");
            foreach (var label in undocumented)
            {
                output.WriteLine($"    \"{label.Name}\" on {label.OpenIssues} open issue(s)");
            }
        }
    }
}
