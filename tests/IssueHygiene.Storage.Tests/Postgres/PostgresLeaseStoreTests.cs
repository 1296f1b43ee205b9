using IssueHygiene.Storage.Tests.Contract;
using IssueHygiene.Storage.Tests.Harness;

namespace IssueHygiene.Storage.Tests.Postgres;

public sealed class PostgresLeaseStoreTests(PostgresDatabase database) : LeaseStoreContract, IClassFixture<PostgresDatabase>
{
    protected override IStoreTarget Target => database;
}
