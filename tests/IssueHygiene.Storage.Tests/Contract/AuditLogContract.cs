using IssueHygiene.Core.Reporting;
using IssueHygiene.Storage.Audit;
using IssueHygiene.Storage.Tests.Harness;

namespace IssueHygiene.Storage.Tests.Contract;

public abstract class AuditLogContract : StoreTestBase
{
    private IAuditLog Log => Store.Audit;

    private static AuditEntry Entry(int minutes, long project = 5, WriteKind kind = WriteKind.NoteCreate, string source = "sweep:run-1") => new()
    {
        OccurredAt = Start.AddMinutes(minutes),
        ProjectId = project,
        IssueIid = 9,
        Rules = ["milestone-required", "type-label"],
        Kind = kind,
        Source = source,
    };

    [Fact]
    public async Task AppendAsync_FullEntry_QueryReturnsItUnchanged()
    {
        var entry = new AuditEntry
        {
            OccurredAt = Start,
            ProjectId = 5,
            IssueIid = 9,
            Rules = ["milestone-required"],
            Kind = WriteKind.QuickActions,
            DryRun = true,
            Source = AuditSources.Delivery(77),
            Outcome = AuditOutcome.Error,
            ErrorMessage = "400 Bad Request",
            Detail = "/milestone %\"Backlog\"",
        };

        var id = await Log.AppendAsync(entry);
        var record = Assert.Single(await Log.QueryAsync(new AuditQuery()));

        Assert.Equal(id, record.Id);
        Assert.Equal("delivery:77", record.Entry.Source);
        Assert.Equal(entry.Rules, record.Entry.Rules);
        Assert.Equal(entry with { Rules = record.Entry.Rules }, record.Entry);
    }

    [Fact]
    public async Task AppendManyAsync_Batch_StoresAllInOrderWithTheirIds()
    {
        AuditEntry[] batch = [Entry(1), Entry(2, kind: WriteKind.NoteEdit), Entry(3, project: 6)];

        var ids = await Log.AppendManyAsync(batch);
        var records = await Log.QueryAsync(new AuditQuery());

        Assert.Equal(3, ids.Count);
        Assert.Equal(ids, records.Select(r => r.Id));
        Assert.Equal([5L, 5L, 6L], records.Select(r => r.Entry.ProjectId));
        Assert.Equal(WriteKind.NoteEdit, records[1].Entry.Kind);
    }

    [Fact]
    public async Task QueryAsync_Filters_SelectByTimeRangeProjectAndSource()
    {
        await Log.AppendAsync(Entry(0));
        await Log.AppendAsync(Entry(10, project: 6));
        await Log.AppendAsync(Entry(20, source: "delivery:1"));
        await Log.AppendAsync(Entry(30));

        Assert.Equal([10, 20], (await Log.QueryAsync(new AuditQuery { From = Start.AddMinutes(10), To = Start.AddMinutes(30) }))
            .Select(r => (int)(r.Entry.OccurredAt - Start).TotalMinutes));
        Assert.Equal([10], (await Log.QueryAsync(new AuditQuery { ProjectId = 6 })).Select(r => (int)(r.Entry.OccurredAt - Start).TotalMinutes));
        Assert.Equal([0, 10, 30], (await Log.QueryAsync(new AuditQuery { Source = "sweep:run-1" })).Select(r => (int)(r.Entry.OccurredAt - Start).TotalMinutes));
        Assert.Equal(2, (await Log.QueryAsync(new AuditQuery { Limit = 2 })).Count);
    }

    [Fact]
    public async Task CountByKindAsync_Range_CountsEachKindIncludingZeros()
    {
        await Log.AppendAsync(Entry(0, kind: WriteKind.NoteCreate));
        await Log.AppendAsync(Entry(1, kind: WriteKind.NoteCreate));
        await Log.AppendAsync(Entry(2, kind: WriteKind.RestUpdate));
        await Log.AppendAsync(Entry(90, kind: WriteKind.NoteDelete));

        var counts = await Log.CountByKindAsync(Start, Start.AddHours(1));

        Assert.Equal(2, counts[WriteKind.NoteCreate]);
        Assert.Equal(1, counts[WriteKind.RestUpdate]);
        Assert.Equal(0, counts[WriteKind.NoteDelete]);
        Assert.Equal(Enum.GetValues<WriteKind>().Length, counts.Count);
    }
}
