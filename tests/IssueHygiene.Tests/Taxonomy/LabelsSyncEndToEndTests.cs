using IssueHygiene.Core.Policy.Loading;
using IssueHygiene.Core.Taxonomy;
using IssueHygiene.Hosting;
using IssueHygiene.Tests.Cli;

namespace IssueHygiene.Tests.Taxonomy;

/// <summary><c>labels sync</c> against the simulator's seeded group (its labels carry the seed's own colours and wording).</summary>
public sealed class LabelsSyncEndToEndTests
{
    private static readonly Core.Policy.RuleSet Handbook =
        RuleSetLoader.Load(File.ReadAllText(CliRunner.Repo("rules/handbook.yml")), "handbook.yml").RuleSet!;

    private const string PluginManagementEntry = "    - name: Plugin Management\n      description: Issues relating to plugin management\n      color: '#AD8D43'\n";

    private static string WithExtraLabel(string rules, string entry) => rules.Replace(PluginManagementEntry, PluginManagementEntry + entry, StringComparison.Ordinal);

    [Fact]
    public async Task LabelsSync_SeededGroup_MakesEveryTaxonomyLabelMatchAndSecondRunWritesNothing()
    {
        await using var harness = await TaxonomyHarness.StartAsync();

        var (exit, output, error) = await harness.RunAsync(harness.Configuration(dryRun: false), "labels", "sync");

        Assert.True(exit == ExitCodes.Clean, output + error);
        var groupLabels = harness.Simulator.State.Labels().Where(l => l.GroupId == harness.GroupId).ToDictionary(l => l.Title);
        Assert.All(Handbook.Labels.All, definition =>
        {
            var label = groupLabels[definition.Name];
            Assert.Equal(definition.Color, label.Color, ignoreCase: true);
            Assert.Equal(definition.Description, label.Description);
        });

        var writes = harness.NonGetRequests();
        var second = await harness.RunAsync(harness.Configuration(dryRun: false), "labels", "sync");

        Assert.True(second.Exit == ExitCodes.Clean, second.Out + second.Err);
        Assert.Equal(writes, harness.NonGetRequests());
        Assert.Contains("every taxonomy label exists", second.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LabelsSync_LabelListedUnderPreviously_IsRenamedAndStaysOnItsIssues()
    {
        await using var harness = await TaxonomyHarness.StartAsync();
        await harness.CreateGroupLabelAsync("docs-portal", "#123456", "old wording");
        var (projectId, iid) = await harness.CreateIssueAsync("docs-portal,Bug", milestoneId: null);
        var rules = harness.RulesFile(text => WithExtraLabel(text,
            "    - name: Docs Portal\n      description: Issues about the documentation site\n      color: '#0E8A16'\n      previously: [docs-portal]\n"));

        var (exit, output, error) = await harness.RunAsync(harness.Configuration(dryRun: false, rulesPath: rules), "labels", "sync");

        Assert.True(exit == ExitCodes.Clean, output + error);
        Assert.Contains("rename \"docs-portal\" to \"Docs Portal\" [done]", output, StringComparison.Ordinal);
        Assert.Equal(["Bug", "Docs Portal"], harness.Simulator.State.Issue(projectId, iid)!.Labels);
        var labels = harness.Simulator.State.Labels();
        Assert.DoesNotContain(labels, l => l.Title == "docs-portal");
        var renamed = Assert.Single(labels, l => l.Title == "Docs Portal");
        Assert.Equal("#0E8A16", renamed.Color, ignoreCase: true);
        Assert.Equal("Issues about the documentation site", renamed.Description);
        Assert.DoesNotContain(harness.Simulator.RequestLog.Entries, e => e.Method == "DELETE");
    }

    [Fact]
    public async Task LabelsSync_MissingLabel_IsCreatedWithTheRulesColourAndDescription()
    {
        await using var harness = await TaxonomyHarness.StartAsync();
        var rules = harness.RulesFile(text => WithExtraLabel(text, "    - name: Security\n      description: A vulnerability or hardening task\n      color: '#B60205'\n"));

        var (exit, output, error) = await harness.RunAsync(harness.Configuration(dryRun: false, rulesPath: rules), "labels", "sync");

        Assert.True(exit == ExitCodes.Clean, output + error);
        var created = Assert.Single(harness.Simulator.State.Labels(), l => l.Title == "Security");
        Assert.Equal(harness.GroupId, created.GroupId);
        Assert.Equal("#B60205", created.Color, ignoreCase: true);
        Assert.Equal("A vulnerability or hardening task", created.Description);
    }

    [Fact]
    public async Task LabelsSync_LabelWithoutDescriptionInTheRulesFile_GetsTheHandbookWording()
    {
        await using var harness = await TaxonomyHarness.StartAsync();
        var rules = harness.RulesFile(text => text.Replace("    - name: Bug\n      description: Something is broken\n", "    - name: Bug\n", StringComparison.Ordinal));

        var (exit, output, error) = await harness.RunAsync(harness.Configuration(dryRun: false, rulesPath: rules), "labels", "sync");

        Assert.True(exit == ExitCodes.Clean, output + error);
        Assert.Equal(HandbookLabelDescriptions.For("Bug"), Assert.Single(harness.Simulator.State.Labels(), l => l.Title == "Bug").Description);
    }

    [Fact]
    public async Task LabelsSync_DryRun_WritesNothingAndListsTheChanges()
    {
        await using var harness = await TaxonomyHarness.StartAsync();
        var before = harness.Simulator.State.Labels();

        var (exit, output, _) = await harness.RunAsync(harness.Configuration(dryRun: false), "labels", "sync", "--dry-run");

        Assert.Equal(ExitCodes.Violations, exit);
        Assert.Equal(0, harness.NonGetRequests());
        Assert.Equal(before, harness.Simulator.State.Labels());
        Assert.Contains("~ update \"flow::Triage\": colour #428BCA → #A295D6; description differs from the taxonomy [would do]", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LabelsSync_UndocumentedLabelsOnOpenIssues_AreCountedNotChanged()
    {
        await using var harness = await TaxonomyHarness.StartAsync(issues: 120);
        var open = harness.Simulator.State.Issues().Where(i => i.State == "opened").ToList();
        var expected = new[] { "needs-info", "wontfix", "good first issue" }
            .Select(name => (Name: name, Count: open.Count(i => i.Labels.Contains(name))))
            .Where(l => l.Count > 0)
            .ToList();
        Assert.NotEmpty(expected);

        var (_, output, _) = await harness.RunAsync(harness.Configuration(dryRun: true), "labels", "sync");

        Assert.Contains("label-documented:", output, StringComparison.Ordinal);
        Assert.All(expected, l => Assert.Contains($"\"{l.Name}\" on {l.Count} open issue(s)", output, StringComparison.Ordinal));
        // Unknown flow values are flow-label-known's business, not label-documented's.
        Assert.DoesNotContain("\"flow::doing\" on", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LabelsSync_LabelAndItsFormerNameBothExist_ReportsAConflictAndDeletesNothing()
    {
        await using var harness = await TaxonomyHarness.StartAsync();
        await harness.CreateGroupLabelAsync("docs", "#123456");
        var rules = harness.RulesFile(text => text.Replace(
            "      description: New or updated documentation\n      color: '#F4D03F'\n",
            "      description: New or updated documentation\n      color: '#F4D03F'\n      previously: [docs]\n", StringComparison.Ordinal));

        var (exit, output, _) = await harness.RunAsync(harness.Configuration(dryRun: false, rulesPath: rules), "labels", "sync");

        Assert.Equal(ExitCodes.Violations, exit);
        Assert.Contains("\"docs\" and \"Documentation\" both exist", output, StringComparison.Ordinal);
        Assert.Contains(harness.Simulator.State.Labels(), l => l.Title == "docs");
        Assert.DoesNotContain(harness.Simulator.RequestLog.Entries, e => e.Method == "DELETE");
    }
}
