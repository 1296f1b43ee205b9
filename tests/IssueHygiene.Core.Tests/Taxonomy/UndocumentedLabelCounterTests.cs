using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Taxonomy;

namespace IssueHygiene.Core.Tests.Taxonomy;

public sealed class UndocumentedLabelCounterTests
{
    [Fact]
    public void Result_LabelsOnIssues_CountsOnlyWhatLabelDocumentedReports()
    {
        var rules = TestData.Load("""
            version: 1
            labels:
              other:
                - { name: Documentation, previously: [docs] }
            """);
        var counter = new UndocumentedLabelCounter(new CompiledPolicy(rules));

        counter.Add(["Bug", "needs-info", "wontfix"]);
        counter.Add(["needs-info", "needs-info", "flow::doing", "hygiene::ignore", "docs"]);
        counter.Add(["flow::Doing", "Documentation"]);

        Assert.Equal([new UndocumentedLabel("needs-info", 2), new UndocumentedLabel("wontfix", 1)], counter.Result());
    }
}
