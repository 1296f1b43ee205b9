using IssueHygiene.Core.Commands;

namespace IssueHygiene.Core.Tests.Commands;

/// <summary>
/// A command runs only from a line GitLab renders as a plain paragraph line. Each row is a comment whose
/// <c>@bot lint</c> line a reader does not see as a command (code, HTML, quote, list, table, heading, math, front matter).
/// </summary>
public sealed class PlainParagraphLinesTests
{
    private const string Bot = "bot";

    [Theory]
    // Fenced code: any length, backticks or tildes; a shorter or different fence inside does not close it.
    [InlineData("````\n```\n@bot lint\n```\n````")]
    [InlineData("~~~~\n~~~\n@bot lint\n~~~~")]
    [InlineData("```\n@bot lint\n~~~")]
    [InlineData("  ```\n@bot lint\n  ```")]
    [InlineData("```\n@bot lint")]
    [InlineData("text\n```\n@bot lint\n```")]
    // Indented code: every line of it, after a blank line, and a tab counts as indentation.
    [InlineData("text\n\n    code\n    @bot lint")]
    [InlineData("    code\n\n    @bot lint")]
    [InlineData("\t@bot lint")]
    // HTML blocks, comments included, even with the command's line in between.
    [InlineData("<!--\n@bot lint\n-->")]
    [InlineData("<!-- note\n\n@bot lint\n-->")]
    [InlineData("<div>\n@bot lint\n</div>")]
    [InlineData("<details>\n<summary>x</summary>\n@bot lint\n</details>")]
    [InlineData("<pre>\n\n@bot lint\n</pre>")]
    [InlineData("<custom-tag>\n@bot lint")]
    [InlineData("<?php\n@bot lint\n?>")]
    // Inline HTML or code spanning lines inside a paragraph.
    [InlineData("text <!-- hidden\n@bot lint\n-->")]
    [InlineData("text `code\n@bot lint\n`")]
    [InlineData("text <span title=\"a\n@bot lint\">x</span>")]
    // Quotes, their lazy continuation lines, and GitLab's multi-line quote.
    [InlineData("> @bot lint")]
    [InlineData("> quoted\n@bot lint")]
    [InlineData("   > quoted\nmore\n@bot lint")]
    [InlineData(">>>\n@bot lint\n>>>")]
    [InlineData(">>>\n\n@bot lint\n\n>>>")]
    // Lists and their continuation lines.
    [InlineData("- item\n@bot lint")]
    [InlineData("- item\n\n  @bot lint")]
    [InlineData("1. item\n   @bot lint")]
    // Headings and tables made of the command's line.
    [InlineData("@bot lint\n===")]
    [InlineData("@bot lint\n---")]
    [InlineData("@bot lint | x\n--- | ---")]
    // Display math and front matter render as code.
    [InlineData("$$\n@bot lint\n$$")]
    [InlineData("---\n@bot lint\n---\ntext")]
    [InlineData(";;;\n@bot lint\n;;;")]
    // Indented four or more inside a paragraph: not at the start of the rendered line as written.
    [InlineData("text\n    @bot lint")]
    public void Parse_CommandInsideConstruct_NotRun(string note) =>
        Assert.Empty(CommentCommandParser.Parse(note, Bot));

    [Theory]
    [InlineData("@bot lint")]
    [InlineData("   @bot lint")]
    [InlineData("text\n@bot lint")]
    [InlineData("```\ncode\n```\n@bot lint")]
    [InlineData("````\n```\n````\n@bot lint")]
    [InlineData("~~~\ncode\n~~~~~\n@bot lint")]
    [InlineData("<!-- hidden -->\n\n@bot lint")]
    [InlineData("text <!-- hidden --> more\n@bot lint")]
    [InlineData("> quoted\n\n@bot lint")]
    [InlineData("- item\n\n@bot lint")]
    [InlineData("    code\n@bot lint")]
    [InlineData("<div>\n</div>\n\n@bot lint")]
    [InlineData(">>>\nquoted\n>>>\n@bot lint")]
    [InlineData("text `code` text\n@bot lint")]
    [InlineData("# Heading\n@bot lint")]
    [InlineData("a | b\n--- | ---\nc | d\n\n@bot lint")]
    [InlineData("---\n\n@bot lint")]
    public void Parse_CommandOnPlainParagraphLine_Run(string note) =>
        Assert.IsType<CommentCommand.Lint>(Assert.Single(CommentCommandParser.Parse(note, Bot)));

    [Fact]
    public void Parse_MoreCommandsThanTheCap_FirstOnesAndACount()
    {
        var note = string.Join('\n', Enumerable.Range(0, 25).Select(i => $"@bot waive rule-{i}"));

        var parsed = CommentCommandParser.Parse(note, Bot, 10);

        Assert.Equal(10, parsed.Commands.Count);
        Assert.Equal(15, parsed.Ignored);
        Assert.Equal("rule-0", Assert.IsType<CommentCommand.Waive>(parsed.Commands[0]).RuleId);
    }
}
