using IssueHygiene.Core.Commands;

namespace IssueHygiene.Core.Tests.Commands;

public sealed class WaiverRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    [Fact]
    public void CheckRequest_UnknownRule_Refused() =>
        Assert.Contains("there is no rule", WaiverRules.CheckRequest(new CommentCommand.Waive("no-such-rule", null, ""), "dev", Today)!.MessageTemplate);

    [Fact]
    public void CheckRequest_DateInThePast_Refused() =>
        Assert.Contains("in the past", WaiverRules.CheckRequest(new CommentCommand.Waive("type-label", Today.AddDays(-1), ""), "dev", Today)!.MessageTemplate);

    [Fact]
    public void CheckRequest_KnownRuleAndFutureDate_NeedsOnlyAccess() =>
        Assert.Null(WaiverRules.CheckRequest(new CommentCommand.Waive("type-label", Today, "reason"), "dev", Today));

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void CheckAccess_DeveloperOrMore_RecordedElseRefused(bool developer, bool refused) =>
        Assert.Equal(refused, WaiverRules.CheckAccess(new CommentCommand.Waive("type-label", null, ""), "someone", developer) is not null);

    [Fact]
    public void OverCap_SaysHowManyAndTheCap()
    {
        var reply = CommandReplies.OverCap("guest", 7, 10);
        Assert.Equal("7 more commands from guest in one comment were not run: at most 10 per comment are.", reply.Format(s => s));
    }
}
