using IssueHygiene.Core.Labels;

namespace IssueHygiene.Core.Tests.Labels;

public sealed class ScopedLabelTests
{
    [Theory]
    [InlineData("flow::Doing", "flow", true)]
    [InlineData("flow::To Do", "flow", true)]
    [InlineData("flow::a::b", "flow", false)]
    [InlineData("flow::a::b", "flow::a", true)]
    [InlineData("Flow::Doing", "flow", false)]
    [InlineData("flow:Doing", "flow", false)]
    [InlineData("flow", "flow", false)]
    [InlineData("flow::", "flow", true)]
    [InlineData("workflow::Doing", "flow", false)]
    public void IsInScope_ScopeIsEverythingBeforeTheLastDoubleColon(string label, string scope, bool expected)
    {
        Assert.Equal(expected, ScopedLabel.IsInScope(label, scope));
    }

    [Theory]
    [InlineData("flow::doing", "flow::Doing")]
    [InlineData("flow::todo", "flow::To Do")]
    [InlineData("flow::Reveiw", "flow::Review")]
    [InlineData("flow::In Progress", null)]
    [InlineData("flow::x", null)]
    public void ClosestTo_Misspelling_SuggestsTheKnownValue(string value, string? expected)
    {
        string[] known = ["flow::Triage", "flow::To Do", "flow::Doing", "flow::Blocked", "flow::Review"];

        Assert.Equal(expected, LabelResemblance.ClosestTo(value, known));
    }
}
