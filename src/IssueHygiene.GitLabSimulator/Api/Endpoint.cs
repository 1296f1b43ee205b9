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
        ApiResult result;
        lock (sim.Store.Gate)
        {
            result = work(parameters, actor);
        }

        await result.WriteAsync(context);
    }
}
