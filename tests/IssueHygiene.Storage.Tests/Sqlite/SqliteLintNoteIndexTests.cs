using IssueHygiene.Storage.Tests.Contract;
using IssueHygiene.Storage.Tests.Harness;

namespace IssueHygiene.Storage.Tests.Sqlite;

public sealed class SqliteLintNoteIndexTests : LintNoteIndexContract
{
    protected override IStoreTarget Target { get; } = new SqliteTarget();
}
