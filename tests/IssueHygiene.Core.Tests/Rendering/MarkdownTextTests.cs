using IssueHygiene.Core.Rendering;

namespace IssueHygiene.Core.Tests.Rendering;

public sealed class MarkdownTextTests
{
    [Theory]
    [InlineData("flow::Doing", "`flow::Doing`")]
    [InlineData("has `tick`", "`` has `tick` ``")]
    [InlineData("`edge", "`` `edge ``")]
    [InlineData("a|b", "`a\\|b`")]
    [InlineData("line\nbreak", "`line break`")]
    [InlineData("  spaced\t\tout  ", "`spaced out`")]
    [InlineData("", "`  `")]
    public void Code_AnyText_IsOneSafeCodeSpan(string text, string expected)
    {
        Assert.Equal(expected, MarkdownText.Code(text));
    }
}
