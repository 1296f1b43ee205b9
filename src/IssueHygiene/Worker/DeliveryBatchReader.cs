using IssueHygiene.Storage.Deliveries;
using IssueHygiene.Webhooks;

namespace IssueHygiene.Worker;

/// <summary>
/// The decide step's input: which comments a claimed batch reports (oldest first, each once, an edit after a creation
/// counted as the creation) and the event UUID to echo. Issue state and comment text always come from the API.
/// </summary>
public static class DeliveryBatchReader
{
    public static BatchNotes Read(ClaimedBatch batch)
    {
        var notes = new List<DeliveryDigest>();
        foreach (var delivery in batch.Deliveries)
        {
            if (DeliveryDigest.Read(delivery.EventName, delivery.Payload) is not { NoteId: { } id } digest)
            {
                continue;
            }

            var seen = notes.FindIndex(n => n.NoteId == id);
            if (seen < 0)
            {
                notes.Add(digest);
            }
            else if (digest.NoteAction is "create")
            {
                notes[seen] = digest;
            }
        }

        var eventUuid = batch.Deliveries.LastOrDefault(d => d.EventUuid is not null)?.EventUuid;
        return new BatchNotes(eventUuid, notes);
    }
}
