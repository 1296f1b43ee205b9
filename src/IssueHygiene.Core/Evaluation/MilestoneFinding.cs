using System.Globalization;
using IssueHygiene.Core.Issues;
using IssueHygiene.Core.Policy;

namespace IssueHygiene.Core.Evaluation;

/// <summary>
/// A milestone-level finding of the sweep report (not tied to an issue). Like <see cref="Violation"/>, the milestone's
/// title stays in <see cref="Arguments"/> so each renderer quotes it.
/// </summary>
public sealed record MilestoneFinding(string Rule, Severity Severity, string MessageTemplate, MilestoneRef? Milestone)
{
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>Plain text: arguments in double quotes.</summary>
    public string Message => Format(static a => "\"" + a + "\"");

    public string Format(Func<string, string> quote) =>
        Arguments.Count == 0
            ? MessageTemplate
            : string.Format(CultureInfo.InvariantCulture, MessageTemplate, [.. Arguments.Select(a => (object)quote(a))]);

    public bool Equals(MilestoneFinding? other) =>
        other is not null && Rule == other.Rule && Severity == other.Severity && MessageTemplate == other.MessageTemplate
        && Milestone == other.Milestone && Arguments.SequenceEqual(other.Arguments);

    public override int GetHashCode() => HashCode.Combine(Rule, Severity, MessageTemplate, Arguments.Count);
}
