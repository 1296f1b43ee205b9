namespace IssueHygiene.Core.Taxonomy;

/// <summary>What <c>labels sync</c> does to one group label. There is no delete: sync never removes a label.</summary>
public enum LabelChangeKind
{
    /// <summary>The taxonomy label does not exist: create it.</summary>
    Create,

    /// <summary>It exists with another colour or description: update them.</summary>
    Update,

    /// <summary>It exists under a former name (<c>previously:</c>): rename it, so issues keep it.</summary>
    Rename,
}
