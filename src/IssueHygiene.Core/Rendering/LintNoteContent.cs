namespace IssueHygiene.Core.Rendering;

/// <summary>
/// A lint note to write: the visible Markdown (what GitLab stores; hashed to detect changes) and the quick-action
/// lines that ride in the same POST (GitLab executes and strips them).
/// </summary>
public sealed record LintNoteContent(string Body, IReadOnlyList<string> Commands)
{
    /// <summary>The hash of the visible body, as stored in the lint-note index.</summary>
    public string Hash { get; } = LintNote.Hash(Body);

    /// <summary>What is POSTed: the body, then one quick action per line.</summary>
    public string ToPostBody() => Commands.Count == 0 ? Body : Body + "\n\n" + string.Join("\n", Commands);
}
