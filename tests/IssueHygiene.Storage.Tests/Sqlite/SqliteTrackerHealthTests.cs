using IssueHygiene.Storage.Tests.Contract;
using IssueHygiene.Storage.Tests.Harness;

namespace IssueHygiene.Storage.Tests.Sqlite;

public sealed class SqliteTrackerHealthTests : TrackerHealthContract
{
    protected override IStoreTarget Target { get; } = new SqliteTarget();
}
