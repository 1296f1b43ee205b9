namespace IssueHygiene.Core.Policy;

/// <summary>The scoped <c>flow::</c> labels: their values, which count as triaged work, which one fixes apply.</summary>
public sealed record FlowLabelPolicy
{
    /// <summary>The scope, <c>flow</c>: a label is a flow label when everything before its last <c>::</c> equals it.</summary>
    public required string Scope { get; init; }

    /// <summary>The known values, with their full names (<c>flow::Doing</c>).</summary>
    public required IReadOnlyList<LabelDefinition> Values { get; init; }

    /// <summary>Full names of the values that mean the issue was triaged into the week's work.</summary>
    public required IReadOnlyList<string> Active { get; init; }

    /// <summary>Full name of the blocked value; with an active value it needs a real milestone.</summary>
    public string? Blocked { get; init; }

    /// <summary>Full name of the value fixes apply (<c>flow::Triage</c>).</summary>
    public required string Triage { get; init; }
}
