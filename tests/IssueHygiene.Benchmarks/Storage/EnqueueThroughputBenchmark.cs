using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using IssueHygiene.Storage;
using IssueHygiene.Storage.Deliveries;
using IssueHygiene.Storage.Postgres;
using IssueHygiene.Storage.Sqlite;
using Npgsql;

namespace IssueHygiene.Benchmarks.Storage;

/// <summary>
/// Durable webhook enqueues per second, SQLite and PostgreSQL, 1 and 16 concurrent producers; the
/// Relaxed method is the same loop without fsync-level durability (SQLite synchronous=NORMAL,
/// PostgreSQL synchronous_commit=off), and BenchmarkDotNet's Ratio column compares it to Durable.
/// Needs a PostgreSQL server: <c>info=$(bash .ci/postgres.sh); export ISSUEHYGIENE_TEST_POSTGRES="${info%%|*}"</c>, then
/// <c>dotnet run -c Release --project tests/IssueHygiene.Benchmarks -- --filter '*EnqueueThroughput*'</c>.
/// Time per operation is per enqueue: enqueues/s = 1 s / Mean.
/// </summary>
[Config(typeof(ShortInProcessConfig))]
public class EnqueueThroughputBenchmark
{
    private const int EnqueuesPerInvocation = 1600;

    // A typical Issue Hook body is a few KiB; the payload size matters for the WAL, not the key.
    private static readonly string Payload = "{\"object_kind\":\"issue\",\"description\":\"" + new string('x', 4000) + "\"}";

    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private long _sequence;
    private string? _directory;
    private string? _database;
    private IHygieneStore _durable = null!;
    private IHygieneStore _relaxed = null!;

    [Params("sqlite", "postgres")]
    public string Provider { get; set; } = "sqlite";

    [Params(1, 16)]
    public int Producers { get; set; } = 1;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => CleanupAsync().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, OperationsPerInvoke = EnqueuesPerInvocation)]
    public Task Durable() => EnqueueAsync(_durable);

    [Benchmark(OperationsPerInvoke = EnqueuesPerInvocation)]
    public Task Relaxed() => EnqueueAsync(_relaxed);

    private async Task EnqueueAsync(IHygieneStore store)
    {
        var perProducer = EnqueuesPerInvocation / Producers;
        await Task.WhenAll(Enumerable.Range(0, Producers).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < perProducer; i++)
            {
                var n = Interlocked.Increment(ref _sequence);
                await store.Deliveries.EnqueueAsync(new NewDelivery
                {
                    IdempotencyKey = $"{_run}-{n}",
                    EventName = "Issue Hook",
                    ProjectId = 1 + (n % 7),
                    IssueIid = n % 500,
                    ReceivedAt = DateTimeOffset.UnixEpoch.AddSeconds(n),
                    Payload = Payload,
                });
            }
        })));
    }

    private async Task SetupAsync()
    {
        if (Provider == "sqlite")
        {
            _directory = Path.Combine(Path.GetTempPath(), "issuehygiene-bench-" + _run);
            _durable = new SqliteHygieneStore($"Data Source={Path.Combine(_directory, "durable.db")}", TimeProvider.System, StorageDurability.Full);
            _relaxed = new SqliteHygieneStore($"Data Source={Path.Combine(_directory, "relaxed.db")}", TimeProvider.System, StorageDurability.Relaxed);
        }
        else
        {
            var server = Environment.GetEnvironmentVariable("ISSUEHYGIENE_TEST_POSTGRES") is { Length: > 0 } value
                ? value
                : throw new InvalidOperationException(
                    "ISSUEHYGIENE_TEST_POSTGRES is not set: info=$(bash .ci/postgres.sh); export ISSUEHYGIENE_TEST_POSTGRES=\"${info%%|*}\"");
            _database = "ih_bench_" + _run;
            await ExecuteAsync(server, $"CREATE DATABASE {_database}");
            var database = new NpgsqlConnectionStringBuilder(server) { Database = _database, MaxPoolSize = 32 }.ConnectionString;
            await ExecuteAsync(database, "CREATE SCHEMA durable; CREATE SCHEMA relaxed");
            _durable = new PostgresHygieneStore($"{database};Search Path=durable", TimeProvider.System, StorageDurability.Full);
            _relaxed = new PostgresHygieneStore($"{database};Search Path=relaxed", TimeProvider.System, StorageDurability.Relaxed);
        }

        await _durable.InitializeAsync();
        await _relaxed.InitializeAsync();
    }

    private async Task CleanupAsync()
    {
        await _durable.DisposeAsync();
        await _relaxed.DisposeAsync();
        if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
        }

        if (_database is not null && Environment.GetEnvironmentVariable("ISSUEHYGIENE_TEST_POSTGRES") is { } server)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Few, long iterations in this process: each one does real I/O (fsyncs), so BenchmarkDotNet's
    /// pilot and many short iterations add nothing but minutes on a shared 2-core machine.
    /// </summary>
    private sealed class ShortInProcessConfig : ManualConfig
    {
        public ShortInProcessConfig() =>
            AddJob(Job.Default
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(1)
                .WithIterationCount(8)
                .WithToolchain(InProcessEmitToolchain.Instance));
    }
}
