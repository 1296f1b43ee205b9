using IssueHygiene.Storage.Audit;
using IssueHygiene.Storage.Deliveries;
using IssueHygiene.Storage.Leases;
using IssueHygiene.Storage.LintNotes;
using IssueHygiene.Storage.Sweeps;
using IssueHygiene.Storage.Tests.Harness;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IssueHygiene.Storage.Tests;

/// <summary><c>AddHygieneStorage</c>: configuration binding, start-up validation and initialization.</summary>
public sealed class StorageRegistrationTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IDisposable
{
    private readonly SqliteTarget _files = new();

    public void Dispose() => _files.Dispose();

    private static IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddHygieneStorage(builder.Configuration);
        return builder.Build();
    }

    [Fact]
    public async Task AddHygieneStorage_SqliteSection_HostStartCreatesStoreAndEveryPartResolves()
    {
        var path = Path.Combine(_files.Directory, "app", "issue-hygiene.db");
        using var host = BuildHost(new() { ["Storage:Provider"] = "sqlite", ["Storage:ConnectionString"] = $"Data Source={path}" });

        await host.StartAsync();

        var services = host.Services;
        Assert.True(File.Exists(path));
        Assert.Equal(3, await services.GetRequiredService<IHygieneStore>().GetSchemaVersionAsync());
        var queue = services.GetRequiredService<IDeliveryQueue>();
        Assert.Equal(EnqueueResult.Enqueued, (await queue.EnqueueAsync(TestDeliveries.For(1, 1))).Result);
        Assert.Same(services.GetRequiredService<IHygieneStore>().Deliveries, queue);
        Assert.NotNull(services.GetRequiredService<ILintNoteIndex>());
        Assert.NotNull(services.GetRequiredService<IAuditLog>());
        Assert.NotNull(services.GetRequiredService<ISweepCheckpoints>());
        Assert.NotNull(services.GetRequiredService<IScopeWatermarks>());
        Assert.NotNull(services.GetRequiredService<ILeaseStore>());
        await host.StopAsync();
    }

    [Fact]
    public async Task AddHygieneStorage_PostgresSection_HostStartMigratesTheDatabase()
    {
        var location = await database.NewLocationAsync();
        using var host = BuildHost(new() { ["Storage:Provider"] = "Postgres", ["Storage:ConnectionString"] = location });

        await host.StartAsync();

        var store = host.Services.GetRequiredService<IHygieneStore>();
        Assert.StartsWith("PostgreSQL store 127.0.0.1:", store.Description, StringComparison.Ordinal);
        Assert.Equal(3, await store.GetSchemaVersionAsync());
        await host.StopAsync();
    }

    [Theory]
    [InlineData("mysql", null, "Storage:Provider must be 'sqlite' or 'postgres' (got 'mysql')")]
    [InlineData("postgres", null, "Storage:ConnectionString is required when Storage:Provider is 'postgres'")]
    [InlineData("postgres", " ", "Storage:ConnectionString is required when Storage:Provider is 'postgres'")]
    public async Task AddHygieneStorage_InvalidOptions_HostStartFailsWithTheProblem(string provider, string? connectionString, string expected)
    {
        using var host = BuildHost(new() { ["Storage:Provider"] = provider, ["Storage:ConnectionString"] = connectionString });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddHygieneStorage_CorruptSqliteFile_HostStartFailsNamingTheStore()
    {
        var path = Path.Combine(_files.Directory, "corrupt.db");
        await File.WriteAllTextAsync(path, "this is not a database, it is a shopping list: eggs, milk, more eggs, and a great deal of padding to fill a page");
        using var host = BuildHost(new() { ["Storage:ConnectionString"] = $"Data Source={path}" });

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => host.StartAsync());

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddHygieneStorage_WrongPostgresPassword_HostStartFailsWithoutThePassword()
    {
        var builder = new NpgsqlConnectionStringBuilder(database.DatabaseConnectionString) { Password = "hunter2-not-it" };
        using var host = BuildHost(new() { ["Storage:Provider"] = "postgres", ["Storage:ConnectionString"] = builder.ConnectionString });

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => host.StartAsync());

        Assert.Contains("authentication failed", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-not-it", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Create_DefaultOptions_SqliteFileUnderData()
    {
        var store = HygieneStoreFactory.Create(new StorageOptions(), TimeProvider.System);

        Assert.Equal($"SQLite store '{Path.GetFullPath("./data/issue-hygiene.db")}'", store.Description);
    }
}
