using System.Text.Json.Nodes;
using IssueHygiene.GitLabSimulator.Model;

namespace IssueHygiene.GitLabSimulator.Webhooks;

/// <summary>A change that may fire hooks: which kind, on which project, and the body.</summary>
internal sealed record WebhookEvent(WebhookEventKind Kind, bool Confidential, SimProject Project, JsonObject Payload);
