using IssueHygiene.Cli;
using IssueHygiene.Hosting;
using IssueHygiene.Tests.Cli;

namespace IssueHygiene.Tests.Serve;

/// <summary><c>serve</c> refuses to start on bad configuration with one clear line and exit code 2.</summary>
public sealed class ServeStartupTests
{
    private static Dictionary<string, string?> Minimal(string storePath) => new()
    {
        ["GitLab:BaseUrl"] = "http://127.0.0.1:9",
        ["GitLab:Token"] = "a-token-for-startup-tests",
        ["Storage:ConnectionString"] = $"Data Source={storePath}",
        ["Rules:Path"] = CliRunner.Repo("rules/handbook.yml"),
    };

    private static async Task<(int Exit, string Err)> ServeAsync(Dictionary<string, string?> configuration)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var exit = await new CliApp(output, error, TimeProvider.System) { ConfigurationOverrides = configuration }
            .RunAsync(["serve", "--urls", "http://127.0.0.1:0"], stop.Token);
        return (exit, error.ToString());
    }

    [Fact]
    public async Task Serve_WithoutWebhookSecret_RefusesToStart()
    {
        var (exit, err) = await ServeAsync(Minimal(CliRunner.TempFile("", ".db") + "-store.db"));

        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.Contains("no webhook secret", err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_ShortSecretAndBadWorkerOptions_AllProblemsInOneLine()
    {
        var configuration = Minimal(CliRunner.TempFile("", ".db") + "-store.db");
        configuration["Webhook:Secrets:0"] = "short";
        configuration["Worker:Concurrency"] = "0";

        var (exit, err) = await ServeAsync(configuration);

        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.Contains("shorter than 16 characters", err, StringComparison.Ordinal);
        Assert.Contains("Worker:Concurrency 0", err, StringComparison.Ordinal);
        Assert.DoesNotContain("short\"", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_BadGitLabUrl_RefusesToStartWithOptionsMessage()
    {
        var configuration = Minimal(CliRunner.TempFile("", ".db") + "-store.db");
        configuration["Webhook:Secrets:0"] = ServeHarness.Secret;
        configuration["GitLab:BaseUrl"] = "not a url";

        var (exit, err) = await ServeAsync(configuration);

        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.Contains("GitLab", err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_InsecureSwitchWithoutSecret_StartsAndLogsCritical()
    {
        await using var harness = await ServeHarness.StartAsync(configure: c =>
        {
            c.Remove("Webhook:Secrets:0");
            c["Webhook:AllowInsecure"] = "true";
        });

        var insecure = Assert.Single(harness.Logs.Events, e => e.MessageTemplate.Text.StartsWith("INSECURE", StringComparison.Ordinal));
        Assert.Equal(Serilog.Events.LogEventLevel.Fatal, insecure.Level);
        using var anyToken = await WebhookDeliveryClient.PostAsync(harness.Http, "{}", token: null);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, anyToken.StatusCode);
    }
}
