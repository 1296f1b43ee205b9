using System.Text.Json;

namespace IssueHygiene.GitLab.Dtos;

/// <summary>The 202 body of a note made only of quick actions: no note was created.</summary>
public sealed record GitLabNoteCommands
{
    public Dictionary<string, JsonElement> CommandsChanges { get; init => field = value ?? []; } = [];

    /// <summary>GitLab's human-readable summary ("Added ~flow::Triage label.").</summary>
    public List<string> Summary { get; init => field = value ?? []; } = [];
}
