using System.Globalization;
using System.Text.Json;
using IssueHygiene.Core.Issues;
using IssueHygiene.Hosting;

namespace IssueHygiene.Cli;

/// <summary>
/// Reads one issue as GitLab's REST API returns it (<c>GET /projects/:id/issues/:iid</c>): unknown fields ignored,
/// optional ones may be missing; anything that is not an issue is a <see cref="UsageException"/> saying why.
/// </summary>
public static class IssueJsonFile
{
    private static readonly string[] RequiredFields = ["iid", "project_id", "state", "created_at"];

    public static IssueSnapshot Read(string path)
    {
        var bytes = InputFile.ReadBytes(path, "issue file");

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException e)
        {
            throw new UsageException($"{path} is not valid JSON (line {e.LineNumber + 1}): {e.Message}");
        }

        using (document)
        {
            return Parse(document.RootElement, path);
        }
    }

    public static IssueSnapshot Parse(JsonElement issue, string source)
    {
        if (issue.ValueKind != JsonValueKind.Object)
        {
            throw new UsageException($"{source} is not a GitLab issue: expected a JSON object, found {issue.ValueKind.ToString().ToLowerInvariant()}");
        }

        var missing = RequiredFields.Where(k => !issue.TryGetProperty(k, out _)).ToList();
        if (missing.Count > 0)
        {
            throw new UsageException($"{source} is not a GitLab issue: missing {string.Join(", ", missing)}");
        }

        try
        {
            return new IssueSnapshot
            {
                ProjectId = issue.GetProperty("project_id").GetInt64(),
                Iid = issue.GetProperty("iid").GetInt64(),
                Id = Long(issue, "id") ?? 0,
                Title = String(issue, "title") ?? string.Empty,
                Description = String(issue, "description"),
                State = String(issue, "state") switch
                {
                    "opened" => IssueState.Opened,
                    "closed" => IssueState.Closed,
                    var other => throw new UsageException($"{source}: state '{other}' is neither opened nor closed"),
                },
                Labels = issue.TryGetProperty("labels", out var labels) && labels.ValueKind == JsonValueKind.Array
                    ? [.. labels.EnumerateArray().Select(l => l.ValueKind == JsonValueKind.Object ? l.GetProperty("name").GetString()! : l.GetString()!)]
                    : [],
                Milestone = issue.TryGetProperty("milestone", out var m) && m.ValueKind == JsonValueKind.Object
                    ? new MilestoneRef(
                        Long(m, "id") ?? 0,
                        String(m, "title") ?? string.Empty,
                        Date(m, "due_date"),
                        Date(m, "start_date"),
                        Long(m, "group_id"),
                        Long(m, "project_id"),
                        String(m, "state") ?? "active")
                    : null,
                Assignees = Users(issue),
                Author = issue.TryGetProperty("author", out var author) && author.ValueKind == JsonValueKind.Object ? User(author) : null,
                CreatedAt = Timestamp(issue, "created_at", source)!.Value,
                UpdatedAt = Timestamp(issue, "updated_at", source),
                WebUrl = String(issue, "web_url"),
                ProjectPath = ProjectPathOf(issue),
                Confidential = issue.TryGetProperty("confidential", out var c) && c.ValueKind == JsonValueKind.True,
                IssueType = String(issue, "issue_type") ?? String(issue, "type"),
            };
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or KeyNotFoundException)
        {
            throw new UsageException($"{source} is not a GitLab issue: {e.Message}");
        }
    }

    private static List<UserRef> Users(JsonElement issue)
    {
        if (issue.TryGetProperty("assignees", out var assignees) && assignees.ValueKind == JsonValueKind.Array)
        {
            return [.. assignees.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.Object).Select(User)];
        }

        return issue.TryGetProperty("assignee", out var one) && one.ValueKind == JsonValueKind.Object ? [User(one)] : [];
    }

    private static UserRef User(JsonElement user) => new(Long(user, "id") ?? 0, String(user, "username") ?? string.Empty, String(user, "name"));

    private static string? String(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static long? Long(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : null;

    private static DateOnly? Date(JsonElement e, string name) =>
        String(e, name) is { } s && DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static DateTimeOffset? Timestamp(JsonElement e, string name, string source)
    {
        if (String(e, name) is not { } text)
        {
            return null;
        }

        return GitLab.Json.GitLabTimestampConverter.TryParse(text, out var value)
            ? value
            : throw new UsageException($"{source}: {name} '{text}' is not a timestamp");
    }

    /// <summary><c>group/project</c> from <c>references.full</c> (<c>group/project#12</c>) when present.</summary>
    private static string? ProjectPathOf(JsonElement issue)
    {
        if (issue.TryGetProperty("references", out var refs) && String(refs, "full") is { } full)
        {
            var hash = full.LastIndexOf('#');
            return hash > 0 ? full[..hash] : null;
        }

        return null;
    }
}
