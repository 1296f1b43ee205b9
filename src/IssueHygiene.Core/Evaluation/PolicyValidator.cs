using FluentValidation;
using IssueHygiene.Core.Rules;

namespace IssueHygiene.Core.Evaluation;

/// <summary>All enabled issue rules composed into one FluentValidation validator, in catalog order.</summary>
public sealed class PolicyValidator : AbstractValidator<IssueFacts>
{
    public PolicyValidator(IReadOnlyList<HygieneRule> rules)
    {
        Rules = rules;
        foreach (var rule in rules)
        {
            Include(rule);
        }
    }

    public IReadOnlyList<HygieneRule> Rules { get; }
}
