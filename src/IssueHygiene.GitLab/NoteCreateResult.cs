using System.Text.Json;
using IssueHygiene.GitLab.Dtos;

namespace IssueHygiene.GitLab;

/// <summary>The three expected answers to creating a note: values, not exceptions.</summary>
public abstract record NoteCreateResult
{
    private NoteCreateResult()
    {
    }

    /// <summary>201: the note exists (its quick actions, if any, ran too: see <see cref="GitLabNote.CommandsChanges"/>).</summary>
    public sealed record Created(GitLabNote Note) : NoteCreateResult;

    /// <summary>202: the body was only quick actions; they ran and no note was created.</summary>
    public sealed record CommandsOnly(IReadOnlyDictionary<string, JsonElement> CommandsChanges, IReadOnlyList<string> Summary) : NoteCreateResult;

    /// <summary>
    /// The quick actions failed and nothing was created: a 400 saying so (e.g. an unknown milestone), or
    /// a 202 that changed nothing and whose summary only says "Could not apply …" (commands the user may
    /// not run here).
    /// </summary>
    public sealed record CommandsFailed(string Message) : NoteCreateResult;
}
