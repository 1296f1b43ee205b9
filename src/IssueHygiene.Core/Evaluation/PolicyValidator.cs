using FluentValidation;
using IssueHygiene.Core.Rules;

namespace IssueHygiene.Core.Evaluation;

/// <summary>
/// All enabled issue rules composed into one FluentValidation validator, in catalog order. Each rule is a validator
/// of its own (usable alone), but here they run inside one FluentValidation rule: <c>Include</c>-ing eleven child
/// validators cost a child context per rule per issue (5 KB per clean issue, measured), this costs one.
/// </summary>
public sealed class PolicyValidator : AbstractValidator<IssueFacts>
{
    public PolicyValidator(IReadOnlyList<HygieneRule> rules)
    {
        Rules = rules;
        RuleFor(facts => facts.Issue).Custom((_, context) =>
        {
            foreach (var rule in rules)
            {
                rule.Run(context.InstanceToValidate, context);
            }
        });
    }

    public IReadOnlyList<HygieneRule> Rules { get; }
}
