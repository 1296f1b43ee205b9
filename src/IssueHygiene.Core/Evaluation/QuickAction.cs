using IssueHygiene.Core.Issues;

namespace IssueHygiene.Core.Evaluation;

/// <summary>
/// One GitLab quick action a fix needs. Built only from names in the rules file or GitLab's own milestone list,
/// never from free text, and rendered exactly as GitLab parses it.
/// </summary>
public abstract record QuickAction
{
    /// <summary>The command line, e.g. <c>/label ~"flow::Triage"</c>.</summary>
    public abstract string Render();

    public sealed override string ToString() => Render();

    /// <summary>What GitLab does with this command, on a copy of the issue (to predict the state a fix leads to).</summary>
    public abstract IssueSnapshot ApplyTo(IssueSnapshot issue, TrackerCatalog catalog);

    /// <summary>True when every name in the command can be quoted (see <see cref="CanQuote"/>).</summary>
    public abstract bool CanRender { get; }

    /// <summary>
    /// Whether a name can be quoted for a quick action (<c>~"name"</c>): GitLab ends the parameter at the next
    /// double quote, and a line break (or any control or line/paragraph separator) would start a second command line,
    /// so names with those are never put into a command.
    /// </summary>
    public static bool CanQuote(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (c is '"' or '\u2028' or '\u2029' || char.IsControl(c))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary><c>/label ~"name"</c>: adds a label (GitLab skips a label that does not exist).</summary>
public sealed record AddLabelAction(string Label) : QuickAction
{
    public override string Render() => $"/label ~\"{Label}\"";

    public override bool CanRender => CanQuote(Label);

    public override IssueSnapshot ApplyTo(IssueSnapshot issue, TrackerCatalog catalog) =>
        issue.Labels.Contains(Label) ? issue : issue with { Labels = [.. issue.Labels, Label] };
}

/// <summary><c>/unlabel ~"name"</c>: removes a label.</summary>
public sealed record RemoveLabelAction(string Label) : QuickAction
{
    public override string Render() => $"/unlabel ~\"{Label}\"";

    public override bool CanRender => CanQuote(Label);

    public override IssueSnapshot ApplyTo(IssueSnapshot issue, TrackerCatalog catalog) =>
        issue with { Labels = [.. issue.Labels.Where(l => l != Label)] };
}

/// <summary>
/// <c>/unlabel ~"a" ~"b"</c>: removes several labels in one command line (GitLab's documented form,
/// <c>/unlabel ~label1 ~label2</c>, each name quoted). Used to offer one copyable line per choice.
/// </summary>
public sealed record RemoveLabelsAction(IReadOnlyList<string> Labels) : QuickAction
{
    public override string Render() => "/unlabel " + string.Join(" ", Labels.Select(l => $"~\"{l}\""));

    public override bool CanRender => Labels.Count > 0 && Labels.All(CanQuote);

    public override IssueSnapshot ApplyTo(IssueSnapshot issue, TrackerCatalog catalog) =>
        issue with { Labels = [.. issue.Labels.Where(l => !Labels.Contains(l))] };

    /// <summary>Equal when the same labels are removed in the same order (records compare lists by reference).</summary>
    public bool Equals(RemoveLabelsAction? other) => other is not null && Labels.SequenceEqual(other.Labels);

    public override int GetHashCode() => Labels.Count == 0 ? 0 : HashCode.Combine(Labels.Count, Labels[0]);
}

/// <summary>
/// <c>/assign me</c>: the person who comments assigns themselves (GitLab's documented self-assign form). Only ever
/// suggested, never written by IssueHygiene (the bot would assign itself).
/// </summary>
public sealed record AssignSelfAction : QuickAction
{
    public override string Render() => "/assign me";

    public override bool CanRender => true;

    /// <summary>Someone is assigned: whoever comments (unknown here), so a placeholder user stands for them.</summary>
    public override IssueSnapshot ApplyTo(IssueSnapshot issue, TrackerCatalog catalog) =>
        issue.Assignees.Count > 0 ? issue : issue with { Assignees = [new UserRef(0, "me")] };
}

/// <summary><c>/milestone %"title"</c>: sets the milestone.</summary>
public sealed record SetMilestoneAction(string Title) : QuickAction
{
    public override string Render() => $"/milestone %\"{Title}\"";

    public override bool CanRender => CanQuote(Title);

    public override IssueSnapshot ApplyTo(IssueSnapshot issue, TrackerCatalog catalog) =>
        issue with { Milestone = catalog.Milestones.Find(Title) ?? new MilestoneRef(0, Title) };
}
