using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace IssueHygiene.GitLabSimulator.Api;

/// <summary>
/// A response decided under the store lock and written after it is released. Error bodies follow
/// GitLab: <c>{"message": "404 Project Not Found"}</c>, and Grape's <c>{"error": "title is missing"}</c>.
/// </summary>
internal sealed record ApiResult(int Status, JsonNode? Body)
{
    public static ApiResult Ok(JsonNode body) => new(StatusCodes.Status200OK, body);

    public static ApiResult Created(JsonNode body) => new(StatusCodes.Status201Created, body);

    public static ApiResult NoContent { get; } = new(StatusCodes.Status204NoContent, null);

    public static ApiResult Message(int status, JsonNode message) => new(status, new JsonObject { ["message"] = message });

    public static ApiResult NotFound(string what) => Message(StatusCodes.Status404NotFound, $"404 {what} Not Found");

    public static ApiResult Forbidden => Message(StatusCodes.Status403Forbidden, "403 Forbidden");

    public static ApiResult BadRequest(string message) => Message(StatusCodes.Status400BadRequest, $"400 Bad request - {message}");

    /// <summary>ActiveRecord validation errors: <c>{"message": {"title": ["is too long (maximum is 255 characters)"]}}</c>.</summary>
    public static ApiResult Invalid(string attribute, string problem) =>
        Message(StatusCodes.Status400BadRequest, new JsonObject { [attribute] = new JsonArray(problem) });

    public static ApiResult ParameterError(string error) => new(StatusCodes.Status400BadRequest, new JsonObject { ["error"] = error });

    public Task WriteAsync(HttpContext context)
    {
        context.Response.StatusCode = Status;
        if (Body is null)
        {
            return Task.CompletedTask;
        }

        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(Body.ToJsonString(), context.RequestAborted);
    }
}
