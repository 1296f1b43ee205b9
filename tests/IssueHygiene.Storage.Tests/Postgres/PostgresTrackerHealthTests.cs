using IssueHygiene.Storage.Tests.Contract;
using IssueHygiene.Storage.Tests.Harness;

namespace IssueHygiene.Storage.Tests.Postgres;

public sealed class PostgresTrackerHealthTests(PostgresDatabase database) : TrackerHealthContract, IClassFixture<PostgresDatabase>
{
    protected override IStoreTarget Target => database;
}
