using System.Data.Common;
using System.Globalization;
using System.Text;
using IssueHygiene.Storage.Deliveries;
using Microsoft.Extensions.Logging;

namespace IssueHygiene.Storage.Sql;

/// <summary>
/// The delivery queue in SQL shared by both backends. A delivery is "ready" when it is pending and
/// due, or claimed by a claim that has expired; an issue with a live claim is never claimable.
/// </summary>
internal sealed class SqlDeliveryQueue(SqlBackend backend, TimeProvider time, ILogger logger) : IDeliveryQueue, IAsyncDisposable
{
    private const string Columns =
        "id, idempotency_key, event_name, event_uuid, project_id, issue_iid, received_at, payload, status, attempts, next_attempt_at, claimed_by, claim_expires_at, last_error";

    private const string Ready =
        "status IN ('pending', 'claimed') AND ((status = 'pending' AND next_attempt_at <= @now) OR (status = 'claimed' AND claim_expires_at <= @now))";

    // Gives up looking for an unlocked issue after this many candidates in one claim: the caller
    // simply claims again, and meanwhile the other claimers make progress.
    private const int MaxCandidatesPerClaim = 16;

    /// <summary>
    /// The most deliveries one claim takes (the rest of a busy issue's deliveries come in the next claim). Rows hold a
    /// digest of a few dozen bytes, not a body, so a claim is bounded in bytes as well as in count.
    /// </summary>
    public const int MaxDeliveriesPerClaim = 100;

    private readonly DeliveryGroupCommit _groupCommit = new(backend);

    public Task<EnqueueOutcome> EnqueueAsync(NewDelivery delivery, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(delivery.IdempotencyKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(delivery.EventName);
        ArgumentNullException.ThrowIfNull(delivery.Payload);
        // Concurrent enqueues share one transaction (one fsync); each returns only after that commit.
        return _groupCommit.EnqueueAsync(delivery, time.GetUtcNow(), cancellationToken);
    }

    /// <summary>Completes the enqueues already accepted, then stops the group-commit writer.</summary>
    public ValueTask DisposeAsync() => _groupCommit.DisposeAsync();

    private const string InsertSql = """
        INSERT INTO deliveries (idempotency_key, event_name, event_uuid, project_id, issue_iid, issue_key, received_at, payload, status, attempts, next_attempt_at)
        VALUES (@key, @event, @uuid, @project, @iid, @issue_key, @received, @payload, 'pending', 0, @now)
        ON CONFLICT (idempotency_key) DO NOTHING
        RETURNING id
        """;

    /// <summary>
    /// Inserts deliveries inside the caller's write transaction (see <see cref="DeliveryGroupCommit"/>), in order, as
    /// if one by one. Where the driver sends a batch of statements in one round trip (PostgreSQL), it does: a group
    /// commit of 256 deliveries then costs one round trip instead of 256 before its commit.
    /// </summary>
    internal static async Task<EnqueueOutcome[]> InsertAllAsync(SqlBackend backend, DbConnection connection, DbTransaction transaction,
        IReadOnlyList<(NewDelivery Delivery, DateTimeOffset Now)> deliveries, CancellationToken ct)
    {
        var outcomes = new EnqueueOutcome[deliveries.Count];
        if (deliveries.Count < 2 || !connection.CanCreateBatch)
        {
            for (var i = 0; i < deliveries.Count; i++)
            {
                outcomes[i] = await InsertAsync(backend, connection, transaction, deliveries[i].Delivery, deliveries[i].Now, ct);
            }

            return outcomes;
        }

        var inserted = new long?[deliveries.Count];
        await using (var batch = connection.CreateBatch())
        {
            batch.Transaction = transaction;
            foreach (var (delivery, now) in deliveries)
            {
                var command = batch.CreateBatchCommand();
                command.CommandText = InsertSql;
                foreach (var (name, value) in InsertParameters(backend, delivery, now))
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = name;
                    parameter.Value = value ?? DBNull.Value;
                    command.Parameters.Add(parameter);
                }

                batch.BatchCommands.Add(command);
            }

            await using var reader = await batch.ExecuteReaderAsync(ct);
            for (var i = 0; i < deliveries.Count; i++)
            {
                if (i > 0 && !await reader.NextResultAsync(ct))
                {
                    throw new InvalidOperationException($"{backend.Description}: a batched insert returned no result");
                }

                if (await reader.ReadAsync(ct))
                {
                    inserted[i] = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture);
                }
            }
        }

        for (var i = 0; i < deliveries.Count; i++)
        {
            // The key existed already, or an earlier delivery of this batch carries it: the same look-up as one by one.
            outcomes[i] = inserted[i] is { } id
                ? EnqueueOutcome.Enqueued(id)
                : EnqueueOutcome.Duplicate(await ExistingIdAsync(backend, connection, transaction, deliveries[i].Delivery, ct));
        }

        return outcomes;
    }

    /// <summary>Inserts one delivery inside the caller's write transaction (see <see cref="DeliveryGroupCommit"/>).</summary>
    internal static async Task<EnqueueOutcome> InsertAsync(SqlBackend backend, DbConnection connection, DbTransaction transaction, NewDelivery delivery, DateTimeOffset now, CancellationToken ct)
    {
        await using (var insert = Db.Command(connection, transaction, InsertSql))
        {
            foreach (var (name, value) in InsertParameters(backend, delivery, now))
            {
                insert.With(name, value);
            }

            if (await insert.ExecuteScalarAsync(ct) is { } id and not DBNull)
            {
                return EnqueueOutcome.Enqueued(Convert.ToInt64(id, CultureInfo.InvariantCulture));
            }
        }

        // The key exists: committed before our insert (it waited for a concurrent one to commit), or
        // inserted earlier in this same group commit; either way this statement sees it.
        return EnqueueOutcome.Duplicate(await ExistingIdAsync(backend, connection, transaction, delivery, ct));
    }

    private static (string Name, object? Value)[] InsertParameters(SqlBackend backend, NewDelivery delivery, DateTimeOffset now) =>
    [
        ("@key", delivery.IdempotencyKey),
        ("@event", delivery.EventName),
        ("@uuid", delivery.EventUuid),
        ("@project", delivery.ProjectId),
        ("@iid", delivery.IssueIid),
        ("@issue_key", IssueKey(delivery)),
        ("@received", backend.ToDb(delivery.ReceivedAt)),
        ("@payload", delivery.Payload),
        ("@now", backend.ToDb(now)),
    ];

    private static async Task<long> ExistingIdAsync(SqlBackend backend, DbConnection connection, DbTransaction transaction, NewDelivery delivery, CancellationToken ct)
    {
        await using var select = Db.Command(connection, transaction, "SELECT id FROM deliveries WHERE idempotency_key = @key")
            .With("@key", delivery.IdempotencyKey);
        var existing = await select.ExecuteScalarAsync(ct)
            ?? throw new InvalidOperationException($"{backend.Description}: idempotency key conflict without a row");
        return Convert.ToInt64(existing, CultureInfo.InvariantCulture);
    }

    public Task<ClaimedBatch?> ClaimAsync(string workerId, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workerId);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(visibilityTimeout, TimeSpan.Zero);
        var now = time.GetUtcNow();
        var expires = now + visibilityTimeout;
        var token = Guid.NewGuid().ToString("N");
        return backend.WriteAsync(async (connection, transaction, ct) =>
        {
            var passedOver = new List<string>();
            for (var attempt = 0; attempt < MaxCandidatesPerClaim; attempt++)
            {
                var candidate = await FindCandidateIssueAsync(connection, transaction, now, passedOver, ct);
                if (candidate is not { } found)
                {
                    return null;
                }

                // The per-issue lock makes "no live claim on this issue" and "claim its rows" one step:
                // without it two claimers could each take different rows of the same issue. The claim
                // re-checks for a live claim itself, in a statement that starts after the lock is held.
                var claimed = found.Locked
                    ? await ClaimIssueAsync(connection, transaction, found.IssueKey, workerId, token, now, expires, ct)
                    : [];
                if (claimed.Count == 0)
                {
                    passedOver.Add(found.IssueKey);
                    continue;
                }

                return new ClaimedBatch(token, workerId, claimed[0].ProjectId, claimed[0].IssueIid, expires, claimed);
            }

            return null;
        }, cancellationToken);
    }

    public Task<ClaimOutcome> ExtendClaimAsync(string claimToken, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(visibilityTimeout, TimeSpan.Zero);
        var now = time.GetUtcNow();
        return UpdateClaimAsync("Extend", claimToken,
            "UPDATE deliveries SET claim_expires_at = @expires WHERE claim_token = @token AND status = 'claimed'",
            [("@expires", backend.ToDb(now + visibilityTimeout))], cancellationToken);
    }

    public Task<ClaimOutcome> CompleteAsync(string claimToken, CancellationToken cancellationToken = default) =>
        UpdateClaimAsync("Complete", claimToken, """
            UPDATE deliveries
            SET status = 'done', completed_at = @now, claim_token = NULL, claimed_by = NULL, claim_expires_at = NULL
            WHERE claim_token = @token AND status = 'claimed'
            """, [("@now", backend.ToDb(time.GetUtcNow()))], cancellationToken);

    public Task<ClaimOutcome> ReleaseAsync(string claimToken, CancellationToken cancellationToken = default) =>
        UpdateClaimAsync("Release", claimToken, """
            UPDATE deliveries
            SET status = 'pending', attempts = CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END, next_attempt_at = @now,
                claim_token = NULL, claimed_by = NULL, claim_expires_at = NULL
            WHERE claim_token = @token AND status = 'claimed'
            """, [("@now", backend.ToDb(time.GetUtcNow()))], cancellationToken);

    public async Task<FailOutcome> FailAsync(string claimToken, string error, RetryPolicy policy, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(claimToken);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentOutOfRangeException.ThrowIfLessThan(policy.MaxAttempts, 1);
        var now = time.GetUtcNow();
        var deadLettered = new List<(long Id, int Attempts)>();
        var outcome = await backend.WriteAsync(async (connection, transaction, ct) =>
        {
            // The backend may run this again after a deadlock rollback: start from nothing.
            deadLettered.Clear();
            var rows = new List<(long Id, int Attempts)>();
            await using (var select = Db.Command(connection, transaction, "SELECT id, attempts FROM deliveries WHERE claim_token = @token AND status = 'claimed' ORDER BY id")
                .With("@token", claimToken))
            await using (var reader = await select.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    rows.Add((reader.GetInt64(0), reader.GetInt32(1)));
                }
            }

            if (rows.Count == 0)
            {
                return FailOutcome.Lost;
            }

            // Attempts were counted when the delivery was claimed, so they include this one.
            DateTimeOffset? nextAttempt = null;
            var retried = 0;
            foreach (var (id, attempts) in rows)
            {
                if (attempts >= policy.MaxAttempts)
                {
                    await Db.ExecuteAsync(connection, transaction, """
                        UPDATE deliveries SET status = 'dead', last_error = @error, completed_at = @now,
                            claim_token = NULL, claimed_by = NULL, claim_expires_at = NULL
                        WHERE id = @id AND claim_token = @token
                        """, ct, ("@error", error), ("@now", backend.ToDb(now)), ("@id", id), ("@token", claimToken));
                    deadLettered.Add((id, attempts));
                }
                else
                {
                    var next = now + policy.DelayAfter(Math.Max(attempts, 1));
                    nextAttempt = nextAttempt is { } n && n < next ? n : next;
                    await Db.ExecuteAsync(connection, transaction, """
                        UPDATE deliveries SET status = 'pending', last_error = @error, next_attempt_at = @next,
                            claim_token = NULL, claimed_by = NULL, claim_expires_at = NULL
                        WHERE id = @id AND claim_token = @token
                        """, ct, ("@error", error), ("@next", backend.ToDb(next)), ("@id", id), ("@token", claimToken));
                    retried++;
                }
            }

            return new FailOutcome(ClaimOutcome.Applied, retried, rows.Count - retried, nextAttempt);
        }, cancellationToken);

        if (outcome.Claim == ClaimOutcome.ClaimLost)
        {
            StorageLog.ClaimLost(logger, "Fail", claimToken);
        }

        foreach (var (id, attempts) in deadLettered)
        {
            StorageLog.DeliveryDeadLettered(logger, id, attempts);
        }

        return outcome;
    }

    public Task<DeliveryRecord?> GetAsync(long deliveryId, CancellationToken cancellationToken = default) =>
        backend.ReadAsync(async (connection, ct) =>
        {
            await using var command = Db.Command(connection, null, $"SELECT {Columns} FROM deliveries WHERE id = @id").With("@id", deliveryId);
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct) ? ReadRecord(reader) : null;
        }, cancellationToken);

    public Task<IReadOnlyList<DeliveryRecord>> ListDeadLettersAsync(int limit = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return backend.ReadAsync<IReadOnlyList<DeliveryRecord>>(async (connection, ct) =>
        {
            await using var command = Db.Command(connection, null, $"SELECT {Columns} FROM deliveries WHERE status = 'dead' ORDER BY id DESC LIMIT @limit")
                .With("@limit", limit);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var records = new List<DeliveryRecord>();
            while (await reader.ReadAsync(ct))
            {
                records.Add(ReadRecord(reader));
            }

            return records;
        }, cancellationToken);
    }

    public Task<bool> RequeueDeadLetterAsync(long deliveryId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        return backend.WriteAsync(async (connection, transaction, ct) =>
            await Db.ExecuteAsync(connection, transaction, """
                UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt_at = @now, completed_at = NULL
                WHERE id = @id AND status = 'dead'
                """, ct, ("@now", backend.ToDb(now)), ("@id", deliveryId)) > 0, cancellationToken);
    }

    public Task<QueueCounts> GetCountsAsync(CancellationToken cancellationToken = default) =>
        backend.ReadAsync(async (connection, ct) =>
        {
            await using var command = Db.Command(connection, null,
                "SELECT status, COUNT(*) FROM deliveries WHERE status IN ('pending', 'claimed', 'dead') GROUP BY status");
            await using var reader = await command.ExecuteReaderAsync(ct);
            long pending = 0, claimed = 0, dead = 0;
            while (await reader.ReadAsync(ct))
            {
                var count = reader.GetInt64(1);
                switch (reader.GetString(0))
                {
                    case "pending": pending = count; break;
                    case "claimed": claimed = count; break;
                    case "dead": dead = count; break;
                }
            }

            return new QueueCounts(pending, claimed, dead);
        }, cancellationToken);

    public Task<int> PurgeDoneAsync(DateTimeOffset receivedBefore, CancellationToken cancellationToken = default) =>
        backend.WriteAsync((connection, transaction, ct) =>
            Db.ExecuteAsync(connection, transaction, "DELETE FROM deliveries WHERE status = 'done' AND received_at < @before",
                ct, ("@before", backend.ToDb(receivedBefore))), cancellationToken);

    /// <summary>Deliveries about one issue share a key; a delivery about no issue is a batch of its own.</summary>
    internal static string IssueKey(NewDelivery delivery) =>
        delivery.ProjectId is { } project && delivery.IssueIid is { } iid
            ? string.Create(CultureInfo.InvariantCulture, $"issue:{project}#{iid}")
            : $"delivery:{delivery.IdempotencyKey}";

    private async Task<ClaimOutcome> UpdateClaimAsync(string operation, string claimToken, string sql, (string Name, object? Value)[] parameters, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(claimToken);
        var changed = await backend.WriteAsync((connection, transaction, ct) =>
            Db.ExecuteAsync(connection, transaction, sql, ct, [.. parameters, ("@token", claimToken)]), cancellationToken);
        if (changed > 0)
        {
            return ClaimOutcome.Applied;
        }

        StorageLog.ClaimLost(logger, operation, claimToken);
        return ClaimOutcome.ClaimLost;
    }

    private async Task<(string IssueKey, bool Locked)?> FindCandidateIssueAsync(DbConnection connection, DbTransaction transaction, DateTimeOffset now, List<string> passedOver, CancellationToken ct)
    {
        // The issue whose oldest ready delivery is oldest (ids grow with arrival), skipping issues
        // that hold a live claim and the ones this claim already passed over; its lock is tried on
        // that one row only (the LIMIT sits in the inner query).
        var sql = new StringBuilder("""
            SELECT d.issue_key FROM deliveries d
            WHERE d.status IN ('pending', 'claimed')
              AND ((d.status = 'pending' AND d.next_attempt_at <= @now) OR (d.status = 'claimed' AND d.claim_expires_at <= @now))
              AND NOT EXISTS (SELECT 1 FROM deliveries c WHERE c.issue_key = d.issue_key AND c.status = 'claimed' AND c.claim_expires_at > @now)
            """);
        var parameters = new List<(string, object?)> { ("@now", backend.ToDb(now)) };
        if (passedOver.Count > 0)
        {
            sql.Append(" AND d.issue_key NOT IN (");
            for (var i = 0; i < passedOver.Count; i++)
            {
                var name = "@skip" + i.ToString(CultureInfo.InvariantCulture);
                sql.Append(i == 0 ? "" : ", ").Append(name);
                parameters.Add((name, passedOver[i]));
            }

            sql.Append(')');
        }

        sql.Append(" ORDER BY d.id LIMIT 1 ").Append(backend.CandidateLockClause);
        var query = $"SELECT x.issue_key, {backend.TryLockIssueExpression("x.issue_key")} FROM ({sql}) x";
        await using var command = Db.Command(connection, transaction, query);
        foreach (var (name, value) in parameters)
        {
            command.With(name, value);
        }

        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        return (reader.GetString(0), Convert.ToBoolean(reader.GetValue(1), CultureInfo.InvariantCulture));
    }

    private async Task<List<ClaimedDelivery>> ClaimIssueAsync(DbConnection connection, DbTransaction transaction, string issueKey, string workerId, string token, DateTimeOffset now, DateTimeOffset expires, CancellationToken ct)
    {
        await using var command = Db.Command(connection, transaction, $"""
            UPDATE deliveries
            SET status = 'claimed', claimed_by = @worker, claim_token = @token, claim_expires_at = @expires, attempts = attempts + 1
            WHERE id IN (SELECT id FROM deliveries WHERE issue_key = @issue_key AND {Ready} ORDER BY id LIMIT {MaxDeliveriesPerClaim} {backend.SkipLockedClause})
              AND NOT EXISTS (SELECT 1 FROM deliveries c WHERE c.issue_key = @issue_key AND c.status = 'claimed' AND c.claim_expires_at > @now)
            RETURNING id, idempotency_key, event_name, event_uuid, project_id, issue_iid, received_at, payload, attempts
            """);
        command.With("@worker", workerId).With("@token", token).With("@expires", backend.ToDb(expires))
            .With("@issue_key", issueKey).With("@now", backend.ToDb(now));
        var claimed = new List<ClaimedDelivery>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                claimed.Add(new ClaimedDelivery(
                    reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetNullableString(3),
                    reader.GetNullableInt64(4), reader.GetNullableInt64(5), backend.ReadTime(reader, 6), reader.GetString(7), reader.GetInt32(8)));
            }
        }

        // RETURNING gives no order guarantee; a batch is oldest first.
        claimed.Sort((a, b) => a.Id.CompareTo(b.Id));
        return claimed;
    }

    private DeliveryRecord ReadRecord(DbDataReader reader) => new(
        reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetNullableString(3),
        reader.GetNullableInt64(4), reader.GetNullableInt64(5), backend.ReadTime(reader, 6), reader.GetString(7),
        ParseStatus(reader.GetString(8)), reader.GetInt32(9), backend.ReadTime(reader, 10), reader.GetNullableString(11),
        backend.ReadNullableTime(reader, 12), reader.GetNullableString(13));

    private static DeliveryStatus ParseStatus(string status) => status switch
    {
        "pending" => DeliveryStatus.Pending,
        "claimed" => DeliveryStatus.Claimed,
        "done" => DeliveryStatus.Done,
        "dead" => DeliveryStatus.Dead,
        _ => throw new InvalidOperationException($"unknown delivery status '{status}'"),
    };
}
