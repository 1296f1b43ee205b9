namespace IssueHygiene.Core.Taxonomy;

/// <summary>What <c>labels sync</c> decided: the writes, and what it will not do by itself.</summary>
/// <param name="Changes">Creates, updates and renames, in taxonomy order.</param>
/// <param name="Conflicts">Situations a person must resolve (e.g. a label and its former name both exist).</param>
public sealed record LabelSyncPlan(IReadOnlyList<LabelChange> Changes, IReadOnlyList<string> Conflicts)
{
    public bool IsEmpty => Changes.Count == 0;
}
