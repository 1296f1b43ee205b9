using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace IssueHygiene.GitLabSimulator.Tests;

/// <summary>Plain HttpClient + JSON: the tests never use our typed GitLab client.</summary>
internal static class Http
{
    public static async Task<ApiResponse> SendAsync(this HttpClient client, HttpMethod method, string path, object? body = null, IDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonNode? json = null;
        if (text.Length > 0 && (text[0] is '{' or '['))
        {
            json = JsonNode.Parse(text);
        }

        return new ApiResponse(response.StatusCode, response.Headers, text, json);
    }

    public static Task<ApiResponse> GetApiAsync(this HttpClient client, string path, IDictionary<string, string>? headers = null) =>
        client.SendAsync(HttpMethod.Get, path, null, headers);

    public static Task<ApiResponse> PostApiAsync(this HttpClient client, string path, object body, IDictionary<string, string>? headers = null) =>
        client.SendAsync(HttpMethod.Post, path, body, headers);

    public static Task<ApiResponse> PutApiAsync(this HttpClient client, string path, object body, IDictionary<string, string>? headers = null) =>
        client.SendAsync(HttpMethod.Put, path, body, headers);
}
