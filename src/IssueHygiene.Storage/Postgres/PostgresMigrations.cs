namespace IssueHygiene.Storage.Postgres;

/// <summary>PostgreSQL schema versions, oldest first (the same tables as SQLite with native types).</summary>
internal static class PostgresMigrations
{
    public static IReadOnlyList<string> All { get; } =
    [
        """
        CREATE TABLE deliveries (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            idempotency_key TEXT NOT NULL UNIQUE,
            event_name TEXT NOT NULL,
            event_uuid TEXT NULL,
            project_id BIGINT NULL,
            issue_iid BIGINT NULL,
            issue_key TEXT NOT NULL,
            received_at TIMESTAMPTZ NOT NULL,
            payload TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('pending', 'claimed', 'done', 'dead')),
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TIMESTAMPTZ NOT NULL,
            claimed_by TEXT NULL,
            claim_token TEXT NULL,
            claim_expires_at TIMESTAMPTZ NULL,
            last_error TEXT NULL,
            completed_at TIMESTAMPTZ NULL
        );
        CREATE INDEX ix_deliveries_active ON deliveries (id) WHERE status IN ('pending', 'claimed');
        CREATE INDEX ix_deliveries_issue ON deliveries (issue_key, status);
        CREATE INDEX ix_deliveries_claim_token ON deliveries (claim_token) WHERE claim_token IS NOT NULL;
        CREATE INDEX ix_deliveries_status ON deliveries (status, id);

        CREATE TABLE lint_notes (
            project_id BIGINT NOT NULL,
            issue_iid BIGINT NOT NULL,
            note_id BIGINT NOT NULL,
            findings_hash TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('open', 'resolved')),
            updated_at TIMESTAMPTZ NOT NULL,
            PRIMARY KEY (project_id, issue_iid)
        );
        CREATE INDEX ix_lint_notes_open ON lint_notes (project_id, state);

        CREATE TABLE waivers (
            project_id BIGINT NOT NULL,
            issue_iid BIGINT NOT NULL,
            rule_id TEXT NOT NULL,
            until_date DATE NULL,
            reason TEXT NOT NULL,
            waived_by TEXT NOT NULL,
            waived_at TIMESTAMPTZ NOT NULL,
            PRIMARY KEY (project_id, issue_iid, rule_id)
        );

        CREATE TABLE audit_log (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            occurred_at TIMESTAMPTZ NOT NULL,
            project_id BIGINT NOT NULL,
            issue_iid BIGINT NOT NULL,
            rules TEXT NOT NULL,
            kind TEXT NOT NULL,
            dry_run BOOLEAN NOT NULL,
            source TEXT NOT NULL,
            outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'error')),
            error_message TEXT NULL,
            detail TEXT NULL
        );
        CREATE INDEX ix_audit_log_time ON audit_log (occurred_at);
        CREATE INDEX ix_audit_log_project ON audit_log (project_id, occurred_at);
        CREATE INDEX ix_audit_log_source ON audit_log (source);

        CREATE TABLE sweep_runs (
            id TEXT PRIMARY KEY,
            scope_key TEXT NOT NULL,
            started_at TIMESTAMPTZ NOT NULL,
            updated_at TIMESTAMPTZ NOT NULL,
            cursor TEXT NULL,
            issues_seen BIGINT NOT NULL,
            writes BIGINT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'abandoned')),
            finished_at TIMESTAMPTZ NULL,
            error TEXT NULL
        );
        CREATE INDEX ix_sweep_runs_scope ON sweep_runs (scope_key, started_at);

        CREATE TABLE scope_watermarks (
            scope_key TEXT PRIMARY KEY,
            watermark TIMESTAMPTZ NOT NULL,
            updated_at TIMESTAMPTZ NOT NULL
        );

        CREATE TABLE leases (
            name TEXT PRIMARY KEY,
            holder TEXT NOT NULL,
            acquired_at TIMESTAMPTZ NOT NULL,
            expires_at TIMESTAMPTZ NOT NULL
        );
        """,
        """
        -- Deliveries keep a digest (event kind, comment id, create/update), never the body: bodies queued before this
        -- version become digests, so no comment text (or credential pasted into one) stays at rest.
        UPDATE deliveries SET payload = CASE
            WHEN payload::jsonb ->> 'object_kind' = 'note' AND payload::jsonb -> 'object_attributes' ->> 'id' IS NOT NULL
                THEN jsonb_build_object('digest', 1, 'kind', 'note', 'note_id', (payload::jsonb -> 'object_attributes' ->> 'id')::bigint,
                    'action', CASE WHEN payload::jsonb -> 'object_attributes' ->> 'action' = 'update' THEN 'update' ELSE 'create' END)::text
            ELSE '{"digest":1,"kind":"issue"}'
        END
        WHERE payload NOT LIKE '{"digest"%';
        """,
        """
        CREATE TABLE health_runs (
            id TEXT PRIMARY KEY,
            scope_key TEXT NOT NULL,
            finished_at TIMESTAMPTZ NOT NULL,
            issues BIGINT NOT NULL,
            findings BIGINT NOT NULL,
            writes BIGINT NOT NULL,
            writes_by_kind TEXT NOT NULL,
            dry_run BOOLEAN NOT NULL,
            budget_exhausted BOOLEAN NOT NULL
        );
        CREATE INDEX ix_health_runs_time ON health_runs (finished_at);
        CREATE INDEX ix_health_runs_scope ON health_runs (scope_key, finished_at);

        CREATE TABLE health_totals (
            run_id TEXT NOT NULL,
            rule_id TEXT NOT NULL,
            project_path TEXT NOT NULL,
            assignee TEXT NOT NULL,
            severity TEXT NOT NULL,
            count BIGINT NOT NULL,
            PRIMARY KEY (run_id, rule_id, project_path, assignee, severity)
        );

        CREATE TABLE current_findings (
            project_id BIGINT NOT NULL,
            issue_iid BIGINT NOT NULL,
            rule_id TEXT NOT NULL,
            severity TEXT NOT NULL,
            project_path TEXT NOT NULL,
            assignee TEXT NOT NULL,
            web_url TEXT NULL,
            title TEXT NULL,
            seen_at TIMESTAMPTZ NOT NULL,
            PRIMARY KEY (project_id, issue_iid, rule_id)
        );

        CREATE TABLE summary_issues (
            scope_key TEXT PRIMARY KEY,
            project_id BIGINT NOT NULL,
            issue_iid BIGINT NOT NULL,
            web_url TEXT NULL,
            updated_at TIMESTAMPTZ NOT NULL
        );
        """,
    ];
}
