using IssueHygiene.Core.Actuation;
using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Policy.Loading;
using IssueHygiene.Core.Secrets;
using IssueHygiene.GitLab;
using IssueHygiene.Processing;
using IssueHygiene.Secrets;
using IssueHygiene.Storage;
using IssueHygiene.Tests.Cli;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IssueHygiene.Tests.Processing;

/// <summary>The issue processor and Actuator over a <see cref="FakeIssueTracker"/> and a throw-away SQLite store: no HTTP.</summary>
internal sealed class IssuePathRig : IAsyncDisposable
{
    private readonly string _directory;

    private IssuePathRig(string directory, IHygieneStore store, Evaluator evaluator, IssueProcessor processor)
    {
        _directory = directory;
        Store = store;
        Evaluator = evaluator;
        Processor = processor;
    }

    public FakeIssueTracker GitLab { get; private init; } = new();

    public IHygieneStore Store { get; }

    public Evaluator Evaluator { get; }

    public IssueProcessor Processor { get; }

    /// <summary>The service's counters, as <c>serve</c> would give the processor.</summary>
    public Health.HygieneMetrics Metrics { get; private init; } = new();

    public static async Task<IssuePathRig> StartAsync(FixMode fixMode = FixMode.QuickActions, string? secretLeak = null)
    {
        var yaml = await File.ReadAllLinesAsync(CliRunner.Repo("rules/handbook.yml"));
        if (secretLeak is not null)
        {
            yaml = [.. yaml.Select(l => l.TrimStart().StartsWith("secret-leak:", StringComparison.Ordinal) ? "  secret-leak: " + secretLeak : l)];
        }

        var rules = RuleSetLoader.Load(string.Join('\n', yaml), "handbook.yml").RuleSet!;
        var directory = Path.Combine(Path.GetTempPath(), "issue-path-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var store = HygieneStoreFactory.Create(new StorageOptions { ConnectionString = $"Data Source={Path.Combine(directory, "store.db")}" }, TimeProvider.System);
        await store.InitializeAsync();
        var evaluator = new Evaluator(rules);
        var tracker = new FakeIssueTracker();
        var actuator = new Actuator(tracker, tracker, tracker, Worker.NoMergeRequests.Instance, store, rules, TimeProvider.System, NullLogger<Actuator>.Instance);
        var key = new SecretFingerprintKey(Options.Create(new SecretLeakOptions { FingerprintKey = "issue-path-tests-fingerprint-key" }), Options.Create(new GitLabOptions()));
        var metrics = new Health.HygieneMetrics();
        var processor = new IssueProcessor(
            tracker, store, evaluator, new WritePlanner(evaluator, fixMode), new SecretLeakPlanner(rules, fixMode), key, actuator, TimeProvider.System, NullLogger<IssueProcessor>.Instance, metrics);
        return new IssuePathRig(directory, store, evaluator, processor) { GitLab = tracker, Metrics = metrics };
    }

    public static ActContext Context(bool dryRun = false, WriteBudget? budget = null) =>
        new("test:issue-path", dryRun, budget ?? WriteBudget.Unlimited, FakeIssueTracker.BotId);

    /// <summary>Processes the tracker's issue as a sweep would: with the snapshot a page just listed.</summary>
    public Task<ActOutcome> ProcessListedAsync(long iid, DateTimeOffset readAt, ActContext? context = null) =>
        Processor.ProcessAsync(
            IssueRequest.For(GitLab.Snapshot(iid), readAt),
            GitLab,
            context ?? Context(),
            CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A store file still closing: the temp folder is cleaned by the OS.
        }
    }
}
