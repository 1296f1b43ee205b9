using IssueHygiene.Storage.Tests.Contract;
using IssueHygiene.Storage.Tests.Harness;

namespace IssueHygiene.Storage.Tests.Sqlite;

public sealed class SqliteSchemaTests : SchemaContract
{
    protected override IStoreTarget Target { get; } = new SqliteTarget();
}
