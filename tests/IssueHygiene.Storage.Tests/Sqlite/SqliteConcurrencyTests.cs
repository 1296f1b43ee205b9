using IssueHygiene.Storage.Tests.Contract;
using IssueHygiene.Storage.Tests.Harness;

namespace IssueHygiene.Storage.Tests.Sqlite;

public sealed class SqliteConcurrencyTests : ConcurrencyContract
{
    protected override IStoreTarget Target { get; } = new SqliteTarget();
}
