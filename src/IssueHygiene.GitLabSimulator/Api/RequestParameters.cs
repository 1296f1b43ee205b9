using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace IssueHygiene.GitLabSimulator.Api;

/// <summary>
/// GitLab (Grape) reads parameters from the query string, a form body or a JSON body alike; so
/// does this. <c>labels[]</c>-style array keys fold into <c>labels</c>; a JSON object
/// <c>{"not": {"labels": …}}</c> becomes <c>not[labels]</c>.
/// </summary>
internal sealed class RequestParameters
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);

    public static async Task<RequestParameters> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var parameters = new RequestParameters();
        foreach (var (key, values) in request.Query)
        {
            foreach (var value in values)
            {
                parameters.Add(key, value ?? "");
            }
        }

        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            foreach (var (key, values) in form)
            {
                foreach (var value in values)
                {
                    parameters.Add(key, value ?? "");
                }
            }
        }
        else if (request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true && MayCarryBody(request))
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    parameters.AddJson(property.Name, property.Value);
                }
            }
        }

        return parameters;
    }

    /// <summary>
    /// Grape's Formatter#read_body_input reads a body only for POST, PUT, PATCH and DELETE, and only
    /// when one was sent (a positive Content-Length or chunked): clients such as python-gitlab send
    /// <c>Content-Type: application/json</c> on every GET, with nothing after it.
    /// </summary>
    private static bool MayCarryBody(HttpRequest request) =>
        (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method) || HttpMethods.IsDelete(request.Method))
        && (request.ContentLength > 0 || request.Headers.TransferEncoding.ToString().Contains("chunked", StringComparison.OrdinalIgnoreCase));

    private void AddJson(string key, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Array:
                if (value.GetArrayLength() == 0)
                {
                    Add(key, "");
                }

                foreach (var item in value.EnumerateArray())
                {
                    AddJson(key, item);
                }

                break;
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    AddJson($"{key}[{property.Name}]", property.Value);
                }

                break;
            case JsonValueKind.Null:
                Add(key, "");
                break;
            case JsonValueKind.String:
                Add(key, value.GetString()!);
                break;
            default:
                Add(key, value.GetRawText());
                break;
        }
    }

    private void Add(string key, string value)
    {
        var name = key.EndsWith("[]", StringComparison.Ordinal) ? key[..^2] : key;
        if (!_values.TryGetValue(name, out var list))
        {
            list = [];
            _values.Add(name, list);
        }

        list.Add(value);
    }

    /// <summary>Every parameter but <paramref name="excluded"/>, in one canonical string: requests with the same key ask the same question.</summary>
    public string KeyWithout(string excluded) => string.Join('&', _values
        .Where(p => p.Key != excluded)
        .OrderBy(p => p.Key, StringComparer.Ordinal)
        .Select(p => p.Key + "=" + string.Join('\u001f', p.Value)));

    public bool Has(string name) => _values.ContainsKey(name);

    public string? Get(string name) => _values.TryGetValue(name, out var list) ? list[^1] : null;

    public IReadOnlyList<string> All(string name) => _values.TryGetValue(name, out var list) ? list : [];

    /// <summary>A comma-separated list parameter (<c>labels=a,b</c>) or a repeated one (<c>labels[]=a</c>).</summary>
    public IReadOnlyList<string> CommaList(string name) =>
        [.. All(name).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];

    public bool? Bool(string name) => Get(name) switch
    {
        null => null,
        "true" or "1" or "yes" or "True" => true,
        _ => false,
    };

    public long? Long(string name) => long.TryParse(Get(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;
}
