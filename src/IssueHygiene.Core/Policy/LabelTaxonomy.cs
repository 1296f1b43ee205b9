namespace IssueHygiene.Core.Policy;

/// <summary>Every documented label, by family. Names are GitLab label titles, matched exactly.</summary>
public sealed record LabelTaxonomy
{
    public required FlowLabelPolicy Flow { get; init; }

    public required IReadOnlyList<LabelDefinition> Types { get; init; }

    public required IReadOnlyList<LabelDefinition> Stages { get; init; }

    public IReadOnlyList<LabelDefinition> Other { get; init; } = [];

    /// <summary>Every documented label, flow values first.</summary>
    public IEnumerable<LabelDefinition> All => Flow.Values.Concat(Types).Concat(Stages).Concat(Other);
}
