namespace IssueHygiene.Core.Policy;

/// <summary>What IssueHygiene does with a rule's finding.</summary>
public enum RuleAction
{
    /// <summary>The rule is not evaluated.</summary>
    Off,

    /// <summary>Only reports (sweep/dry-run) show the finding.</summary>
    Report,

    /// <summary>The finding is listed in the issue's sticky lint note.</summary>
    Comment,

    /// <summary>The finding is fixed with quick actions (and explained in the lint note).</summary>
    Fix,

    /// <summary>
    /// Reports show the finding and the scope's summary issue lists the issue; no per-issue note (low noise for
    /// advisory rules). Declared last so the numbers of the older actions stay as they were.
    /// </summary>
    Summary,
}
