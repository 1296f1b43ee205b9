using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.MergeRequests;
using IssueHygiene.Core.Policy;

namespace IssueHygiene.Core.Rules;

/// <summary>
/// Base of the merge-request rules ("Code review"): same descriptor, settings and <see cref="Violation"/> as the issue
/// rules. Each rule first says what it needs to judge an MR (<see cref="Needs"/>: nothing when it does not apply), so
/// the caller fetches the changed paths or the author's membership only for MRs a rule really looks at.
/// </summary>
public abstract class MergeRequestRule(RuleDescriptor descriptor, RuleSettings settings, MergeRequestPolicy policy)
{
    public RuleDescriptor Descriptor { get; } = descriptor;

    public RuleSettings Settings { get; } = settings;

    protected MergeRequestPolicy Policy { get; } = policy;

    /// <summary>True when the rule has something to judge on this MR.</summary>
    public abstract bool AppliesTo(MergeRequestSnapshot mergeRequest);

    /// <summary>What must be fetched before <see cref="Check"/> can judge this MR.</summary>
    public abstract MergeRequestNeeds Needs(MergeRequestSnapshot mergeRequest);

    /// <summary>The findings; with data missing that <see cref="Needs"/> asked for, the MR is taken to touch code.</summary>
    public abstract IEnumerable<Violation> Check(MergeRequestFacts facts);

    /// <summary>Trivial only when the changed paths are known and all match the trivial globs.</summary>
    protected bool IsTrivial(MergeRequestFacts facts) => facts.ChangedPaths is { } paths && Policy.IsTrivial(paths);

    protected Violation Finding(string messageTemplate, IReadOnlyList<string>? arguments = null, IReadOnlyList<QuickAction>? fixes = null, string? fixUnavailable = null)
    {
        var isFix = Settings.Action == RuleAction.Fix;
        return new Violation
        {
            Rule = Descriptor.Id,
            Severity = Settings.Severity,
            Action = Settings.Action,
            MessageTemplate = messageTemplate,
            Arguments = arguments ?? [],
            Help = Descriptor.Help,
            Fixes = isFix && fixes is not null ? fixes : [],
            FixUnavailable = isFix ? fixUnavailable : null,
        };
    }

    protected static bool SameUser(Issues.UserRef a, Issues.UserRef b) =>
        (a.Id > 0 && a.Id == b.Id) || string.Equals(a.Username, b.Username, StringComparison.OrdinalIgnoreCase);
}
