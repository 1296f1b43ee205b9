namespace IssueHygiene.Core.Evaluation;

/// <summary>What an evaluation asked for by a person adds to the plain one (all optional; the default adds nothing).</summary>
public sealed record EvaluationOptions
{
    public static EvaluationOptions None { get; } = new();

    /// <summary>Waivers in force on the issue: their rules' findings are dropped and the note lists them.</summary>
    public IReadOnlyList<RuleWaiver> Waivers { get; init; } = [];

    /// <summary>List every enabled rule with pass/fail in the note (<c>@bot explain</c>).</summary>
    public bool Explain { get; init; }

    /// <summary>Answers to commands, shown in the note.</summary>
    public IReadOnlyList<NoteReply> Replies { get; init; } = [];
}
