namespace IssueHygiene.Core.Actuation;

/// <summary>How fixes reach GitLab (<c>FixMode</c> in configuration).</summary>
public enum FixMode
{
    /// <summary>Quick actions in a note (the handbook's own way); they ride in the note-creating POST when possible.</summary>
    QuickActions,

    /// <summary>The equivalent REST issue update (<c>add_labels</c>, <c>milestone_id</c>): spends no note-creation budget.</summary>
    Api,
}
