using System.Globalization;
using System.Text.Json;
using IssueHygiene.GitLabSimulator.Api;
using IssueHygiene.GitLabSimulator.Model;
using Microsoft.AspNetCore.Http;

namespace IssueHygiene.GitLabSimulator.Hosting;

/// <summary>
/// Everything that happens to an API request before its endpoint: the request log, injected
/// faults and latency, <c>PRIVATE-TOKEN</c> authentication with <c>Sudo</c>, and rate limits.
/// </summary>
internal sealed class SimulatorMiddleware(RequestDelegate next, SimulatorServices sim)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (!path.StartsWith("/api/", StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        var status = 0;
        try
        {
            status = await HandleAsync(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            status = 0;
        }
        catch (JsonException) when (!context.Response.HasStarted)
        {
            await ApiResult.BadRequest("invalid JSON body").WriteAsync(context);
            status = StatusCodes.Status400BadRequest;
        }
        finally
        {
            sim.RequestLog.Add(new RequestLogEntry(context.Request.Method, path, status, context.Request.QueryString.Value ?? ""));
        }
    }

    private async Task<int> HandleAsync(HttpContext context)
    {
        var knobs = sim.Knobs;
        switch (knobs.NextFault())
        {
            case FaultKinds.InternalServerError:
                return await WriteAsync(context, ApiResult.Message(StatusCodes.Status500InternalServerError, "500 Internal Server Error"));
            case FaultKinds.BadGateway:
                return await WriteAsync(context, ApiResult.Message(StatusCodes.Status502BadGateway, "502 Bad Gateway"));
            case FaultKinds.ServiceUnavailable:
                return await WriteAsync(context, ApiResult.Message(StatusCodes.Status503ServiceUnavailable, "503 Service Unavailable"));
            case FaultKinds.Hang:
                await Task.Delay(knobs.HangDuration, context.RequestAborted);
                return await WriteAsync(context, ApiResult.Message(StatusCodes.Status504GatewayTimeout, "504 Gateway Timeout"));
            case FaultKinds.DropConnection:
                context.Abort();
                return 0;
        }

        if (knobs.Latency > TimeSpan.Zero)
        {
            await Task.Delay(knobs.Latency, context.RequestAborted);
        }

        var token = Token(context.Request);
        SimUser? user;
        lock (sim.Store.Gate)
        {
            user = token is null ? null : sim.Store.UsersByToken.GetValueOrDefault(token);
        }

        if (user is null)
        {
            return await WriteAsync(context, ApiResult.Message(StatusCodes.Status401Unauthorized, "401 Unauthorized"));
        }

        if (knobs.RequestsPerMinute is { } limit)
        {
            var decision = sim.RateLimiter.Hit("requests:" + token, limit);
            WriteRateLimitHeaders(context, decision);
            if (!decision.Allowed)
            {
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.ContentType = "text/plain";
                await context.Response.WriteAsync("Retry later\n", context.RequestAborted);
                return StatusCodes.Status429TooManyRequests;
            }
        }

        if ((context.Request.Headers["Sudo"].FirstOrDefault() ?? context.Request.Query["sudo"].FirstOrDefault()) is { Length: > 0 } sudo)
        {
            if (!user.IsAdmin)
            {
                return await WriteAsync(context, ApiResult.Message(StatusCodes.Status403Forbidden, "403 Forbidden - Must be admin to use sudo"));
            }

            lock (sim.Store.Gate)
            {
                user = sim.Store.FindUser(sudo);
            }

            if (user is null)
            {
                return await WriteAsync(context, ApiResult.Message(StatusCodes.Status404NotFound, "404 User Not Found"));
            }
        }

        if (knobs.NotesPerMinute is { } notesLimit && HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Value!.EndsWith("/notes", StringComparison.Ordinal))
        {
            var decision = sim.RateLimiter.Hit("notes:" + user.Id, notesLimit);
            if (!decision.Allowed)
            {
                WriteRateLimitHeaders(context, decision);
                return await WriteAsync(context, ApiResult.Message(StatusCodes.Status429TooManyRequests, "This endpoint has been requested too many times. Try again later."));
            }
        }

        new RequestActor(user, context.Request.Headers["X-Gitlab-Event-UUID"].FirstOrDefault()).Attach(context);
        await next(context);
        return context.Response.StatusCode;
    }

    private static string? Token(HttpRequest request)
    {
        if (request.Headers["PRIVATE-TOKEN"].FirstOrDefault() is { Length: > 0 } privateToken)
        {
            return privateToken;
        }

        if (request.Headers.Authorization.FirstOrDefault() is { } auth && auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return auth["Bearer ".Length..].Trim();
        }

        return request.Query["private_token"].FirstOrDefault();
    }

    /// <summary>GitLab's headers: on every throttled-endpoint response, plus Retry-After on a 429.</summary>
    private static void WriteRateLimitHeaders(HttpContext context, RateLimitDecision decision)
    {
        var headers = context.Response.Headers;
        headers["RateLimit-Limit"] = decision.Limit.ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-Name"] = "throttle_authenticated_api";
        headers["RateLimit-Observed"] = decision.Observed.ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-Remaining"] = decision.Remaining.ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-Reset"] = decision.Reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-ResetTime"] = decision.Reset.ToString("r", CultureInfo.InvariantCulture);
        if (!decision.Allowed)
        {
            headers.RetryAfter = decision.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }
    }

    private static async Task<int> WriteAsync(HttpContext context, ApiResult result)
    {
        await result.WriteAsync(context);
        return result.Status;
    }
}
