using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace IssueHygiene.GitLabSimulator.Tests;

/// <summary>A response read fully: status, headers and parsed JSON (null for an empty or non-JSON body).</summary>
internal sealed record ApiResponse(HttpStatusCode Status, HttpResponseHeaders Headers, string Text, JsonNode? Json)
{
    public string? Header(string name) => Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    public JsonArray Array => Json!.AsArray();

    public JsonObject Object => Json!.AsObject();
}
