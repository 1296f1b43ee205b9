using System.Globalization;
using System.Text;
using WireMock.ResponseBuilders;

namespace IssueHygiene.GitLab.Tests.Infrastructure;

/// <summary>Builders of GitLab-shaped JSON and responses for WireMock.</summary>
public static class GitLabResponses
{
    public static IResponseBuilder Json(string body, int status = 200) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body);

    public static string Issue(long iid, long projectId = 1, string state = "opened", string labels = "") =>
        $$"""
        {"id": {{1000 + iid}}, "iid": {{iid}}, "project_id": {{projectId}}, "title": "Issue {{iid}}", "state": "{{state}}",
         "labels": [{{labels}}], "milestone": null, "assignees": [], "created_at": "2026-01-01T00:00:00Z",
         "updated_at": "2026-01-02T00:00:00Z", "web_url": "http://gitlab.test/g/p/-/issues/{{iid}}", "some_future_field": {"x": 1} }
        """;

    /// <summary>A JSON array of issues with the given iids.</summary>
    public static string Issues(params long[] iids)
    {
        var builder = new StringBuilder("[");
        builder.AppendJoin(',', iids.Select(iid => Issue(iid)));
        return builder.Append(']').ToString();
    }

    public static string Note(long id, string body) =>
        $$"""
        {"id": {{id}}, "body": {{System.Text.Json.JsonSerializer.Serialize(body)}}, "author": {"id": 7, "username": "hygiene-bot", "name": "Bot"},
         "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z", "system": false,
         "noteable_id": 1001, "noteable_type": "Issue", "noteable_iid": 1, "internal": false}
        """;

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
