using IssueHygiene.Storage.Tests.Contract;
using IssueHygiene.Storage.Tests.Harness;

namespace IssueHygiene.Storage.Tests.Sqlite;

public sealed class SqliteLeaseStoreTests : LeaseStoreContract
{
    protected override IStoreTarget Target { get; } = new SqliteTarget();
}
