using System.Net;
using System.Text.Json.Nodes;
using IssueHygiene.GitLabSimulator.Api;
using IssueHygiene.GitLabSimulator.Hosting;
using IssueHygiene.GitLabSimulator.Seeding;
using IssueHygiene.GitLabSimulator.State;
using IssueHygiene.GitLabSimulator.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IssueHygiene.GitLabSimulator;

/// <summary>
/// A running in-memory GitLab on 127.0.0.1:
/// <code>
/// await using var sim = await SimulatedGitLab.StartAsync(new SimulatorOptions { Issues = 1000 });
/// using var http = sim.CreateClient();   // BaseAddress = sim.BaseUrl, PRIVATE-TOKEN = admin token
/// </code>
/// </summary>
public sealed partial class SimulatedGitLab : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SimulatorServices _services;
    private readonly int _seed;

    private SimulatedGitLab(WebApplication app, SimulatorServices services, SimulatorOptions options, HandbookSeedInfo? handbook, Uri baseUri)
    {
        _app = app;
        _services = services;
        _seed = options.Seed;
        Handbook = handbook;
        BaseUri = baseUri;
        AdminToken = options.AdminToken;
        BotToken = options.BotToken;
        State = new SimulatorState(services.Store);
    }

    /// <summary><c>http://127.0.0.1:PORT</c>, no trailing slash.</summary>
    public string BaseUrl => BaseUri.GetLeftPart(UriPartial.Authority);

    public Uri BaseUri { get; }

    public int Port => BaseUri.Port;

    /// <summary><c>{BaseUrl}/api/v4</c>.</summary>
    public string ApiUrl => BaseUrl + "/api/v4";

    public string AdminToken { get; }

    public string BotToken { get; }

    /// <summary>What the handbook seed created; null when started with <c>SeedHandbook = false</c>.</summary>
    public HandbookSeedInfo? Handbook { get; }

    public SimulatorState State { get; }

    /// <summary>The live store, for tests that arrange what the API cannot (e.g. a non-admin owner); lock <c>Store.Gate</c>.</summary>
    internal SimulatorStore Store
    {
        get
        {
            // Whatever a test arranges through it, no list walk kept from before is resumed.
            lock (_services.Store.Gate)
            {
                _services.Store.Mutated();
            }

            return _services.Store;
        }
    }

    public RequestLog RequestLog => _services.RequestLog;

    public SimulatorKnobs Knobs => _services.Knobs;

    /// <summary>Every webhook request sent so far (with its headers' values, body and outcome).</summary>
    public IReadOnlyList<WebhookDelivery> WebhookDeliveries => _services.Webhooks.Deliveries;

    /// <summary>Deliveries the recursion guard blocked: hooks already triggered in the chain of the echoed event UUID.</summary>
    public int SuppressedWebhookEvents => _services.Webhooks.Suppressed;

    public static async Task<SimulatedGitLab> StartAsync(SimulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SimulatorOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.Issues);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.AdminToken);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.BotToken);
        if (options.AdminToken == options.BotToken)
        {
            throw new ArgumentException("The admin and bot tokens must differ: a token names one user.", nameof(options));
        }

        if (options.Issues > 0 && !options.SeedHandbook)
        {
            throw new ArgumentException("Generated issues live in the handbook projects: Issues > 0 needs SeedHandbook.", nameof(options));
        }

        // Seed before anything listens or runs: a seeding error then leaves nothing to clean up.
        var knobs = new SimulatorKnobs(options.Knobs, options.Seed);
        var store = new SimulatorStore(options.TimeProvider, () => knobs.ScopedLabelExclusivity);
        HandbookSeedInfo? handbook = null;
        lock (store.Gate)
        {
            if (options.SeedHandbook)
            {
                handbook = HandbookSeed.Apply(store, options);
                new IssueGenerator(store, handbook, options.Seed).Generate(options.Issues);
                if (options.SeedMergeRequests)
                {
                    MergeRequestSeed.Apply(store, handbook);
                }
            }
            else
            {
                store.AddUser(SeededUsers.Root, "Administrator", options.AdminToken, isAdmin: true);
            }
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (options.LogToConsole)
        {
            // Logs go to stderr: stdout carries only the contract's "listening on" line (and --print-requests).
            builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
        }

        builder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostLifetime, EmbeddedLifetime>();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port);
            kestrel.AddServerHeader = false;
        });
        var app = builder.Build();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger<SimulatedGitLab>();

        var webhooks = new WebhookDispatcher(options.WebhookTimeout, logger);
        var services = new SimulatorServices(store, knobs, webhooks, new RequestLog());

        app.UseMiddleware<SimulatorMiddleware>(services);
        MapEndpoints(app, services);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await webhooks.DisposeAsync();
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var baseUri = new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
        lock (store.Gate)
        {
            store.WebBase = baseUri.GetLeftPart(UriPartial.Authority);
        }

        webhooks.InstanceUrl = baseUri.GetLeftPart(UriPartial.Authority);
        return new SimulatedGitLab(app, services, options, handbook, baseUri);
    }

    private static void MapEndpoints(WebApplication app, SimulatorServices services)
    {
        NamespaceEndpoints.Map(app, services);
        IssuesEndpoints.Map(app, services);
        NotesEndpoints.Map(app, services);
        LabelsEndpoints.Map(app, services);
        MilestonesEndpoints.Map(app, services);
        HooksEndpoints.Map(app, services);
        MembersEndpoints.Map(app, services);
        MergeRequestsEndpoints.Map(app, services);
        app.MapGet("/_simulator/requests", (HttpContext c) => ApiResult.Ok(new JsonArray([.. services.RequestLog.Entries.Select(e => (JsonNode)new JsonObject
        {
            ["method"] = e.Method,
            ["path"] = e.Path,
            ["status"] = e.Status,
            ["query"] = e.Query,
        })])).WriteAsync(c));
        app.MapGet("/_simulator/webhooks", (HttpContext c) => ApiResult.Ok(new JsonArray([.. services.Webhooks.Deliveries.Select(d => (JsonNode)new JsonObject
        {
            ["hook_id"] = d.HookId,
            ["url"] = d.Url,
            ["event"] = d.Event,
            ["event_uuid"] = d.EventUuid,
            ["idempotency_key"] = d.IdempotencyKey,
            ["status"] = d.StatusCode,
            ["error"] = d.Error,
        })])).WriteAsync(c));
        app.MapFallback((HttpContext c) => ApiResult.Message(StatusCodes.Status404NotFound, "404 Not Found").WriteAsync(c));
    }

    /// <summary>Completes when every webhook queued so far has been attempted (delivered, refused or timed out).</summary>
    public async Task WaitForWebhooksAsync(CancellationToken cancellationToken = default)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // Never hang a test: each delivery has its own timeout, so a minute means something is stuck.
        limit.CancelAfter(TimeSpan.FromMinutes(1));
        await _services.Webhooks.WaitForIdleAsync(limit.Token);
    }

    /// <summary>Adds <paramref name="count"/> generated issues to the handbook projects; returns what kinds were made.</summary>
    public IReadOnlyDictionary<HygieneProblem, int> GenerateIssues(int count, int? seed = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var handbook = Handbook ?? throw new InvalidOperationException("Generated issues live in the handbook projects: start with SeedHandbook = true.");
        lock (_services.Store.Gate)
        {
            return new IssueGenerator(_services.Store, handbook, seed ?? _seed).Generate(count);
        }
    }

    /// <summary>An HttpClient for the simulator: base address <see cref="BaseUrl"/>, the given token (admin by default) and optional Sudo.</summary>
    public HttpClient CreateClient(string? token = null, string? sudo = null)
    {
        var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = new Uri(BaseUrl + "/") };
        client.DefaultRequestHeaders.Add("PRIVATE-TOKEN", token ?? AdminToken);
        if (sudo is not null)
        {
            client.DefaultRequestHeaders.Add("Sudo", sudo);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _services.Webhooks.DisposeAsync();
        await _app.DisposeAsync();
    }
}
