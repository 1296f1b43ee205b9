using IssueHygiene.Core.Taxonomy;

namespace IssueHygiene.Core.Tests.Taxonomy;

public sealed class LabelSyncPlannerTests
{
    private const string Rules = """
        version: 1
        labels:
          type:
            - { name: Bug, description: Something is broken, color: '#FF0000' }
          stage: [Model]
          other:
            - { name: Documentation, description: New or updated documentation, color: '#F4D03F', previously: [docs, documentation] }
        """;

    private static ExistingLabel[] InOrder(Core.Policy.RuleSet rules) =>
        [.. rules.Labels.All.Select(l => new ExistingLabel(l.Name, l.Color ?? "#123456", LabelSyncPlanner.DescriptionOf(l)))];

    [Fact]
    public void Plan_GroupMatchesTheTaxonomy_IsEmpty()
    {
        var rules = TestData.Load(Rules);

        var plan = LabelSyncPlanner.Plan(InOrder(rules), rules);

        Assert.True(plan.IsEmpty);
        Assert.Empty(plan.Conflicts);
    }

    [Fact]
    public void Plan_ColourDiffersOnlyInCase_IsNotDrift()
    {
        var rules = TestData.Load(Rules);
        var existing = InOrder(rules).Select(l => l.Name == "Bug" ? l with { Color = "#ff0000" } : l);

        Assert.True(LabelSyncPlanner.Plan(existing, rules).IsEmpty);
    }

    [Fact]
    public void Plan_DriftedColourAndDescription_UpdatesOnlyWhatDiffers()
    {
        var rules = TestData.Load(Rules);
        var existing = InOrder(rules).Select(l => l.Name switch
        {
            "Bug" => l with { Color = "#00FF00" },
            "Documentation" => l with { Description = "docs" },
            _ => l,
        });

        var plan = LabelSyncPlanner.Plan(existing, rules);

        Assert.Equal(
            [
                new LabelChange(LabelChangeKind.Update, "Bug", null, "#FF0000", null, "colour #00FF00 → #FF0000"),
                new LabelChange(LabelChangeKind.Update, "Documentation", null, null, "New or updated documentation", "description differs from the taxonomy"),
            ],
            plan.Changes);
    }

    [Fact]
    public void Plan_LabelOnlyUnderAFormerName_IsRenamed()
    {
        var rules = TestData.Load(Rules);
        var existing = InOrder(rules).Where(l => l.Name != "Documentation").Append(new ExistingLabel("docs", "#F4D03F", null));

        var change = Assert.Single(LabelSyncPlanner.Plan(existing, rules).Changes);

        Assert.Equal(new LabelChange(LabelChangeKind.Rename, "Documentation", "docs", null, "New or updated documentation", "renamed from \"docs\" (listed under previously:)"), change);
    }

    [Fact]
    public void Plan_TwoFormerNamesExist_RenamesOneAndReportsTheOther()
    {
        var rules = TestData.Load(Rules);
        var existing = InOrder(rules).Where(l => l.Name != "Documentation")
            .Append(new ExistingLabel("docs", "#F4D03F", "New or updated documentation"))
            .Append(new ExistingLabel("documentation", "#F4D03F", null));

        var plan = LabelSyncPlanner.Plan(existing, rules);

        Assert.Equal("docs", Assert.Single(plan.Changes).PreviousName);
        Assert.Contains("\"documentation\" is another former name", Assert.Single(plan.Conflicts), StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_MissingLabels_AreCreatedWithRulesColourOrTheFallback()
    {
        var rules = TestData.Load(Rules);

        var plan = LabelSyncPlanner.Plan([], rules);

        Assert.All(plan.Changes, c => Assert.Equal(LabelChangeKind.Create, c.Kind));
        Assert.Equal("#FF0000", plan.Changes.Single(c => c.Name == "Bug").Color);
        var model = plan.Changes.Single(c => c.Name == "Model");
        Assert.Equal(LabelSyncPlanner.FallbackColor, model.Color);
        Assert.Equal("Stage label (M of meltano)", model.Description);
        Assert.Equal(rules.Labels.All.Select(l => l.Name), plan.Changes.Select(c => c.Name));
    }

    [Fact]
    public void Plan_LabelsOutsideTheTaxonomy_AreLeftAlone()
    {
        var rules = TestData.Load(Rules);
        var existing = InOrder(rules).Append(new ExistingLabel("wontfix", "#000000", null));

        Assert.True(LabelSyncPlanner.Plan(existing, rules).IsEmpty);
    }

    [Fact]
    public void HandbookLabelDescriptions_EqualTheHandbookRulesFile()
    {
        var fromFile = TestData.Handbook.Labels.All.ToDictionary(l => l.Name, l => l.Description);

        Assert.Equal(fromFile.Count, HandbookLabelDescriptions.All.Count);
        Assert.All(HandbookLabelDescriptions.All, entry => Assert.Equal(fromFile[entry.Key], entry.Value));
    }
}
