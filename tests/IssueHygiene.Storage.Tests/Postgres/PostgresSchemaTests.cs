using IssueHygiene.Storage.Tests.Contract;
using IssueHygiene.Storage.Tests.Harness;

namespace IssueHygiene.Storage.Tests.Postgres;

public sealed class PostgresSchemaTests(PostgresDatabase database) : SchemaContract, IClassFixture<PostgresDatabase>
{
    protected override IStoreTarget Target => database;
}
