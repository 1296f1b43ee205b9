using IssueHygiene.GitLabSimulator.Hosting;
using Microsoft.AspNetCore.Http;

namespace IssueHygiene.GitLabSimulator.Api;

/// <summary>The shape of every handler: read parameters, decide under the store lock, write after it.</summary>
internal static class Endpoint
{
    public static async Task RunAsync(HttpContext context, SimulatorServices sim, Func<RequestParameters, RequestActor, ApiResult> work)
    {
        var parameters = await RequestParameters.ReadAsync(context.Request, context.RequestAborted);
        var actor = RequestActor.Of(context);
        // Every GitLab list endpoint declares the pagination params, and every list is a GET.
        var result = HttpMethods.IsGet(context.Request.Method) ? Pagination.Check(parameters) : null;
        if (result is null)
        {
            lock (sim.Store.Gate)
            {
                if (!HttpMethods.IsGet(context.Request.Method))
                {
                    sim.Store.Mutated();
                }

                result = work(parameters, actor);
            }
        }

        await result.WriteAsync(context);
    }
}
