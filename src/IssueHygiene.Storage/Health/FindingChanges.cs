namespace IssueHygiene.Storage.Health;

/// <summary>How many findings (issue × rule) appeared and went in an update of the current state.</summary>
public readonly record struct FindingChanges(int Added, int Removed)
{
    public static FindingChanges operator +(FindingChanges a, FindingChanges b) => new(a.Added + b.Added, a.Removed + b.Removed);

    public static FindingChanges Add(FindingChanges a, FindingChanges b) => a + b;
}
