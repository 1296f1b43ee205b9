namespace IssueHygiene.Core.Commands;

/// <summary>A command addressed to the bot in an issue comment.</summary>
public abstract record CommentCommand
{
    private CommentCommand()
    {
    }

    /// <summary><c>@bot lint</c>: evaluate now.</summary>
    public sealed record Lint : CommentCommand;

    /// <summary><c>@bot explain</c>: list every rule with pass/fail in the sticky note.</summary>
    public sealed record Explain : CommentCommand;

    /// <summary><c>@bot help</c>.</summary>
    public sealed record Help : CommentCommand;

    /// <summary><c>@bot waive RULE [until YYYY-MM-DD] [reason]</c>.</summary>
    public sealed record Waive(string RuleId, DateOnly? Until, string Reason) : CommentCommand;

    /// <summary>Addressed to the bot but not understood (answered with usage).</summary>
    public sealed record Invalid(string Problem) : CommentCommand;
}
