using IssueHygiene.Storage.Tests.Contract;
using IssueHygiene.Storage.Tests.Harness;

namespace IssueHygiene.Storage.Tests.Sqlite;

public sealed class SqliteAuditLogTests : AuditLogContract
{
    protected override IStoreTarget Target { get; } = new SqliteTarget();
}
