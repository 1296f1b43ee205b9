using IssueHygiene.Core.Commands;

namespace IssueHygiene.Core.Tests.Commands;

public sealed class CommentCommandParserTests
{
    private const string Bot = "issue-hygiene-bot";

    [Theory]
    [InlineData("@issue-hygiene-bot lint", typeof(CommentCommand.Lint))]
    [InlineData("  @Issue-Hygiene-Bot EXPLAIN please", typeof(CommentCommand.Explain))]
    [InlineData("@issue-hygiene-bot help", typeof(CommentCommand.Help))]
    [InlineData("@issue-hygiene-bot waive type-label", typeof(CommentCommand.Waive))]
    [InlineData("@issue-hygiene-bot frobnicate", typeof(CommentCommand.Invalid))]
    [InlineData("@issue-hygiene-bot", typeof(CommentCommand.Invalid))]
    public void Parse_CommandLine_RecognisesVerb(string note, Type expected) =>
        Assert.IsType(expected, Assert.Single(CommentCommandParser.Parse(note, Bot)));

    [Theory]
    [InlineData("```\n@issue-hygiene-bot lint\n```")]
    [InlineData("~~~md\n@issue-hygiene-bot lint\n~~~")]
    [InlineData("> @issue-hygiene-bot lint")]
    [InlineData("text\n\n    @issue-hygiene-bot lint")]
    [InlineData("Please run `@issue-hygiene-bot lint`")]
    [InlineData("ask @issue-hygiene-bot lint")]
    [InlineData("@someone-else lint")]
    [InlineData("@issue-hygiene-bot-two lint")]
    public void Parse_QuotedCodeOrNotAddressed_NoCommand(string note) =>
        Assert.Empty(CommentCommandParser.Parse(note, Bot));

    [Fact]
    public void Parse_WaiveWithDateAndReason_AllParts()
    {
        var waive = Assert.IsType<CommentCommand.Waive>(Assert.Single(CommentCommandParser.Parse("@issue-hygiene-bot waive Type-Label until 2026-12-31 imported from Jira", Bot)));
        Assert.Equal(("type-label", new DateOnly(2026, 12, 31), "imported from Jira"), (waive.RuleId, waive.Until, waive.Reason));
    }

    [Fact]
    public void Parse_WaiveWithReasonOnly_NoDate()
    {
        var waive = Assert.IsType<CommentCommand.Waive>(Assert.Single(CommentCommandParser.Parse("@issue-hygiene-bot waive stage-label not a data issue", Bot)));
        Assert.Equal((null, "not a data issue"), (waive.Until, waive.Reason));
    }

    [Theory]
    [InlineData("@issue-hygiene-bot waive type-label until 31/12/2026")]
    [InlineData("@issue-hygiene-bot waive type-label until 2026-02-30")]
    [InlineData("@issue-hygiene-bot waive")]
    public void Parse_BadWaive_Invalid(string note) =>
        Assert.IsType<CommentCommand.Invalid>(Assert.Single(CommentCommandParser.Parse(note, Bot)));

    [Fact]
    public void Parse_SeveralCommandsAfterFenceCloses_AllFoundInOrder()
    {
        var commands = CommentCommandParser.Parse("```\n@issue-hygiene-bot help\n```\n@issue-hygiene-bot waive type-label\n@issue-hygiene-bot explain", Bot);
        Assert.Collection(commands, c => Assert.IsType<CommentCommand.Waive>(c), c => Assert.IsType<CommentCommand.Explain>(c));
    }
}
