using IssueHygiene.Health;
using IssueHygiene.Hosting;
using IssueHygiene.Polling;
using IssueHygiene.Processing;
using IssueHygiene.Sweeping;
using IssueHygiene.Taxonomy;
using IssueHygiene.Webhooks;
using IssueHygiene.Worker;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Serilog;
using ILogger = Microsoft.Extensions.Logging.ILogger;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace IssueHygiene.Serving;

/// <summary>
/// The <c>serve</c> process: Kestrel with the webhook endpoint and the health endpoints, the lint worker, and the
/// nightly sweep, over the same service graph as the CLI commands. Built here (not in the command) so end-to-end
/// tests host exactly what production runs.
/// </summary>
public static partial class ServeHost
{
    public static WebApplication Build(ServeSettings settings)
    {
        var configuration = AppConfiguration.Build(settings.ConfigurationOverrides);
        var options = AppConfiguration.BindOptions(configuration);
        var worker = new LintWorkerOptions();
        try
        {
            configuration.GetSection(LintWorkerOptions.SectionName).Bind(worker);
        }
        catch (InvalidOperationException e)
        {
            throw new UsageException("configuration: " + (e.InnerException?.Message ?? e.Message));
        }

        var management = new ManagementOptions();
        configuration.GetSection(ManagementOptions.SectionName).Bind(management);
        // Read once here so a bad log level is refused with one line before the host starts.
        var logLevels = SerilogLevels.Read(configuration);
        var problems = WebhookOptionsResolver.Validate(options.Webhook, PollingServiceCollectionExtensions.IsEnabled(configuration, options))
            .Concat(worker.Validate()).Concat(management.Validate()).ToList();
        if (problems.Count > 0)
        {
            throw new UsageException("configuration: " + string.Join("; ", problems));
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = Directory.GetCurrentDirectory() });
        builder.Configuration.AddConfiguration(configuration);
        var urls = settings.Urls ?? configuration["Urls"];
        if (management.UrlList().Count > 0)
        {
            // Listen on both: the webhook URLs as configured (or ASP.NET Core's default) and the management ones.
            var main = urls is { Length: > 0 } ? urls : builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey) ?? "http://localhost:5000";
            builder.WebHost.UseUrls(main + ";" + string.Join(';', management.UrlList()));
        }
        else if (urls is { Length: > 0 })
        {
            builder.WebHost.UseUrls(urls);
        }

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = WebhookOptionsResolver.MaxBodyBytes);
        builder.Services.AddSerilog((services, logging) => ConfigureSerilog(logging, logLevels, services, settings));

        var secrets = WebhookOptionsResolver.Secrets(options.Webhook);
        builder.Services.AddSingleton(settings.Time);
        builder.Services.AddIssueHygiene(configuration, options, settings.RulesPath);
        builder.Services.AddMilestonePlanScheduler(configuration);
        builder.Services.AddSingleton(worker);
        builder.Services.AddSingleton(management);
        builder.Services.AddSingleton<ManagementAccess>();
        builder.Services.AddSingleton<HygieneMetrics>();
        builder.Services.AddSingleton<LintWorkerSignal>();
        builder.Services.AddSingleton(new WebhookTokenCheck(secrets, options.Webhook.AllowInsecure));
        builder.Services.AddSingleton(new WebhookScopeFilter(options.Scopes));
        builder.Services.AddSingleton<WebhookReceiver>();
        builder.Services.AddSingleton<BotIdentity>();
        builder.Services.AddSingleton<CatalogProvider>();
        builder.Services.AddSingleton<ITrackerCatalogSource>(sp => sp.GetRequiredService<CatalogProvider>());
        builder.Services.AddSingleton<NoteCommandReader>();
        builder.Services.AddSingleton<CommentCommandRunner>();
        builder.Services.AddSingleton<ProjectScope>();
        builder.Services.AddSingleton<IssueLinter>();
        builder.Services.AddSingleton<MergeRequests.MergeRequestWebhookLinter>();
        builder.Services.AddSingleton<ReadinessProbe>();
        builder.Services.AddSingleton<GitLabReachability>();
        builder.Services.AddHostedService<ScopeGroupResolver>();
        builder.Services.AddHostedService<LintWorker>();
        builder.Services.AddHostedService<DeliveryPurger>();
        AddNightlySweep(builder.Services);
        builder.Services.AddPolling(configuration, options);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(20));

        var app = builder.Build();
        app.MapPost(WebhookReceiver.Path, async (HttpContext context, WebhookReceiver receiver) =>
        {
            var acceptance = await receiver.ReceiveAsync(context.Request, context.RequestAborted);
            return Results.Text(AcceptanceJson(acceptance), "application/json", statusCode: acceptance.StatusCode);
        });
        var access = app.Services.GetRequiredService<ManagementAccess>();
        app.MapHealthEndpoints(endpoint => endpoint.AddEndpointFilter(async (context, next) => access.Refusal(context.HttpContext) ?? await next(context)));
        Dashboard.DashboardEndpoints.MapDashboard(app, options);

        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("IssueHygiene.Serve");
        if (app.Services.GetRequiredService<WebhookTokenCheck>().IsInsecure)
        {
            LogInsecure(log);
        }

        if (access.IsOpen)
        {
            LogManagementOpen(log);
        }

        if (options.Scopes.Groups.Count + options.Scopes.Projects.Count == 0)
        {
            LogUnscoped(log);
        }

        LogConfigured(log, secrets.Count, options.DryRun, worker.Concurrency);
        return app;
    }

    /// <summary>The nightly sweep on <c>Schedule:Cron</c> (lease-guarded: one replica sweeps).</summary>
    private static void AddNightlySweep(IServiceCollection services)
    {
        services.AddSingleton<SweepScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<SweepScheduler>());
    }

    private static string AcceptanceJson(WebhookAcceptance acceptance)
    {
        var body = new System.Text.Json.Nodes.JsonObject { ["outcome"] = acceptance.Outcome };
        if (acceptance.DeliveryId is { } id)
        {
            body["delivery"] = id;
        }

        if (acceptance.Detail is { } detail)
        {
            body["detail"] = detail;
        }

        return body.ToJsonString();
    }

    private static void ConfigureSerilog(LoggerConfiguration logging, IReadOnlyList<(string? Source, LogEventLevel Level)> logLevels, IServiceProvider services, ServeSettings settings)
    {
        logging
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Extensions.Http", LogEventLevel.Warning)
            .MinimumLevel.Override("System.Net.Http", LogEventLevel.Warning)
            .MinimumLevel.Override("Polly", LogEventLevel.Error)
            // A start-up failure is reported by the command as one line on stderr; the host's own "Hosting failed to
            // start" entry would repeat it with a stack trace on stdout.
            .MinimumLevel.Override("Microsoft.Extensions.Hosting.Internal.Host", LogEventLevel.Fatal)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext();
        SerilogLevels.Apply(logging, logLevels);
        if (settings.ConsoleLogs)
        {
            if (Console.IsErrorRedirected)
            {
                // stderr, like every command's logs: stdout is for data.
                logging.WriteTo.Console(new CompactJsonFormatter(), standardErrorFromLevel: LogEventLevel.Verbose);
            }
            else
            {
                logging.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {Properties:j}{NewLine}{Exception}", standardErrorFromLevel: LogEventLevel.Verbose);
            }
        }

        settings.ConfigureLogging?.Invoke(logging);
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "INSECURE: Webhook:AllowInsecure is on and no webhook secret is set: anyone who can reach this port can queue deliveries. Development only.")]
    private static partial void LogInsecure(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "/metrics and /status answer anyone who can reach the webhook port: set Management:Urls (a separate port) or Management:Token")]
    private static partial void LogManagementOpen(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No Scopes configured: deliveries from every project the hook reports are processed")]
    private static partial void LogUnscoped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "serve configured: {SecretCount} webhook secrets accepted, dry run {DryRun}, {Concurrency} worker loops")]
    private static partial void LogConfigured(ILogger logger, int secretCount, bool dryRun, int concurrency);
}
