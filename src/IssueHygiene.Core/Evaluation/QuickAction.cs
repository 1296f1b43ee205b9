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

    /// <summary>Quotes a name for a quick action. Names with a quote or a line break cannot be quoted safely.</summary>
    /// <summary>True when every name in the command can be quoted (see <see cref="CanQuote"/>).</summary>
    public abstract bool CanRender { get; }

    public static bool CanQuote(string name) =>
        name.Length > 0 && name.AsSpan().IndexOfAny("\"\r\n") < 0;
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

/// <summary><c>/milestone %"title"</c>: sets the milestone.</summary>
public sealed record SetMilestoneAction(string Title) : QuickAction
{
    public override string Render() => $"/milestone %\"{Title}\"";

    public override bool CanRender => CanQuote(Title);

    public override IssueSnapshot ApplyTo(IssueSnapshot issue, TrackerCatalog catalog) =>
        issue with { Milestone = catalog.Milestones.Find(Title) ?? new MilestoneRef(0, Title) };
}
