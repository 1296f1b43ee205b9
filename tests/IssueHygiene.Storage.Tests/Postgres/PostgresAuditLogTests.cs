using IssueHygiene.Storage.Tests.Contract;
using IssueHygiene.Storage.Tests.Harness;

namespace IssueHygiene.Storage.Tests.Postgres;

public sealed class PostgresAuditLogTests(PostgresDatabase database) : AuditLogContract, IClassFixture<PostgresDatabase>
{
    protected override IStoreTarget Target => database;
}
