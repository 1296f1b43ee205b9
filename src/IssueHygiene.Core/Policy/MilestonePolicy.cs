namespace IssueHygiene.Core.Policy;

/// <summary>The milestone conventions: a Backlog for "eventually", sprint milestones for priorities.</summary>
public sealed record MilestonePolicy
{
    /// <summary>Title of the backlog milestone (the handbook: <c>Backlog</c>).</summary>
    public required string Backlog { get; init; }

    public required SprintPolicy Sprint { get; init; }
}
