using IssueHygiene.GitLabSimulator.Model;
using Microsoft.AspNetCore.Http;

namespace IssueHygiene.GitLabSimulator.Hosting;

/// <summary>Who a request acts as (after <c>Sudo</c>) and the event UUID it echoes, if any.</summary>
internal sealed record RequestActor(SimUser User, string? EventUuid)
{
    private const string Key = "simulator.actor";

    public static RequestActor Of(HttpContext context) => (RequestActor)context.Items[Key]!;

    public void Attach(HttpContext context) => context.Items[Key] = this;
}
