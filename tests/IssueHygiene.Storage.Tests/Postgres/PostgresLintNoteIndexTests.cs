using IssueHygiene.Storage.Tests.Contract;
using IssueHygiene.Storage.Tests.Harness;

namespace IssueHygiene.Storage.Tests.Postgres;

public sealed class PostgresLintNoteIndexTests(PostgresDatabase database) : LintNoteIndexContract, IClassFixture<PostgresDatabase>
{
    protected override IStoreTarget Target => database;
}
