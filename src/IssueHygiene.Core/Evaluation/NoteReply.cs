using System.Globalization;

namespace IssueHygiene.Core.Evaluation;

/// <summary>
/// An answer to a command in a comment (<c>@bot help</c>, a refused waiver), shown in the sticky note rather than as a
/// new note. Like <see cref="Violation"/>, user text stays in <see cref="Arguments"/> so the renderer can quote it.
/// </summary>
public sealed record NoteReply(string MessageTemplate, IReadOnlyList<string> Arguments)
{
    public NoteReply(string message)
        : this(message, [])
    {
    }

    /// <summary>The message with each argument passed through <paramref name="quote"/>.</summary>
    public string Format(Func<string, string> quote) =>
        Arguments.Count == 0
            ? MessageTemplate
            : string.Format(CultureInfo.InvariantCulture, MessageTemplate, [.. Arguments.Select(a => (object)quote(a))]);

    public bool Equals(NoteReply? other) =>
        other is not null && MessageTemplate == other.MessageTemplate && Arguments.SequenceEqual(other.Arguments);

    public override int GetHashCode() => HashCode.Combine(MessageTemplate, Arguments.Count);
}
