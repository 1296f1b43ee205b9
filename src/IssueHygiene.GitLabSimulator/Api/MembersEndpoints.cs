using System.Text.Json.Nodes;
using IssueHygiene.GitLabSimulator.Hosting;
using IssueHygiene.GitLabSimulator.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IssueHygiene.GitLabSimulator.Api;

/// <summary>
/// Member lists as GitLab's lib/api/members.rb serves them (via MembersHelpers#retrieve_members):
/// <c>/members</c> holds the direct members only; <c>/members/all</c> adds the members inherited
/// from ancestor groups, one entry per user at the highest level (MembersFinder /
/// GroupMembersFinder with <c>include_relations: [:inherited, :direct]</c>). Both filter by
/// <c>query</c> (username or name) and <c>user_ids</c>, and are paginated. Ordered by user id.
/// </summary>
internal static class MembersEndpoints
{
    public static void Map(IEndpointRouteBuilder app, SimulatorServices sim)
    {
        app.MapGet("/api/v4/projects/{id}/members", (HttpContext c, string id) => Endpoint.RunAsync(c, sim, (p, a) => ProjectMembers(c, sim, p, a, id, inherited: false)));
        app.MapGet("/api/v4/projects/{id}/members/all", (HttpContext c, string id) => Endpoint.RunAsync(c, sim, (p, a) => ProjectMembers(c, sim, p, a, id, inherited: true)));
        app.MapGet("/api/v4/groups/{id}/members", (HttpContext c, string id) => Endpoint.RunAsync(c, sim, (p, a) => GroupMembers(c, sim, p, a, id, inherited: false)));
        app.MapGet("/api/v4/groups/{id}/members/all", (HttpContext c, string id) => Endpoint.RunAsync(c, sim, (p, a) => GroupMembers(c, sim, p, a, id, inherited: true)));
    }

    private static ApiResult ProjectMembers(HttpContext context, SimulatorServices sim, RequestParameters p, RequestActor actor, string id, bool inherited)
    {
        var store = sim.Store;
        if (Visibility.Project(store, actor.User, id) is not { } project)
        {
            return ApiResult.NotFound("Project");
        }

        var members = inherited
            ? store.Users.Values.Select(u => (User: u, Level: store.MembershipOf(u, project)))
            : project.Members.Select(m => (User: store.Users[m.Key], Level: (int?)m.Value));
        return Page(context, sim, p, members);
    }

    private static ApiResult GroupMembers(HttpContext context, SimulatorServices sim, RequestParameters p, RequestActor actor, string id, bool inherited)
    {
        var store = sim.Store;
        if (Visibility.Group(store, actor.User, id) is not { } group)
        {
            return ApiResult.NotFound("Group");
        }

        var members = inherited
            ? store.Users.Values.Select(u => (User: u, Level: store.MembershipOf(u, group)))
            : group.Members.Select(m => (User: store.Users[m.Key], Level: (int?)m.Value));
        return Page(context, sim, p, members);
    }

    private static ApiResult Page(HttpContext context, SimulatorServices sim, RequestParameters p, IEnumerable<(SimUser User, int? Level)> members)
    {
        var query = p.Get("query");
        var userIds = p.CommaList("user_ids").Select(v => long.TryParse(v, out var n) ? n : -1).ToHashSet();
        var list = members
            .Where(m => m.Level is not null)
            .Where(m => query is not { Length: > 0 }
                || m.User.Username.Contains(query, StringComparison.OrdinalIgnoreCase)
                || m.User.Name.Contains(query, StringComparison.OrdinalIgnoreCase))
            .Where(m => userIds.Count == 0 || userIds.Contains(m.User.Id))
            .OrderBy(m => m.User.Id)
            .ToList();
        var (page, perPage) = Pagination.Read(p);
        return ApiResult.Ok(new JsonArray([.. Pagination.Slice(context, list, page, perPage).Select(m => (JsonNode)sim.Json.Member(m.User, m.Level!.Value))]));
    }
}
