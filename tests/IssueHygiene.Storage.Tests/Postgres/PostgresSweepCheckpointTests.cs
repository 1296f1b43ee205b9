using IssueHygiene.Storage.Tests.Contract;
using IssueHygiene.Storage.Tests.Harness;

namespace IssueHygiene.Storage.Tests.Postgres;

public sealed class PostgresSweepCheckpointTests(PostgresDatabase database) : SweepCheckpointContract, IClassFixture<PostgresDatabase>
{
    protected override IStoreTarget Target => database;
}
