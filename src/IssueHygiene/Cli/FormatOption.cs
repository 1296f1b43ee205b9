using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IssueHygiene.Cli;

/// <summary><c>--format text|json</c> of the commands whose result a script may read; JSON is one document on stdout.</summary>
public static class FormatOption
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Option<string> Create()
    {
        var format = new Option<string>("--format") { Description = "Output format: text, or json (one document on stdout).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        return format;
    }

    public static bool IsJson(ParseResult parse, Option<string> format) => parse.GetValue(format) == "json";

    public static string Render(JsonNode document) => document.ToJsonString(Indented);
}
