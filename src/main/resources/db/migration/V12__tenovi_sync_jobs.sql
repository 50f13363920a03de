-- Refresh, first-time backfill and reconciliation jobs (issue 7). Runs on PostgreSQL and H2 (PostgreSQL mode).

-- One row per job. A worker claims a queued job (or a running one whose lease expired) while holding the lock on
-- the organization's tenovi_sync_state row, so one organization's jobs never run twice at once across instances.
create table tenovi_sync_jobs (
    id               uuid primary key,
    organization_id  uuid not null,
    client_id        uuid,
    device_id        varchar(64),
    trigger_kind     varchar(20) not null,
    status           varchar(12) not null,
    pages_fetched    integer not null default 0,
    readings_found   integer not null default 0,
    new_measurements integer not null default 0,
    error            varchar(500),
    requested_by     varchar(200),
    created_at       timestamp with time zone not null,
    started_at       timestamp with time zone,
    finished_at      timestamp with time zone,
    lease_owner      varchar(80),
    lease_until      timestamp with time zone
);
create index tenovi_sync_jobs_by_org on tenovi_sync_jobs (organization_id, created_at);
create index tenovi_sync_jobs_by_status on tenovi_sync_jobs (status, created_at);

-- Per organization (= per Tenovi API key): the shared request limiter (each request reserves next_request_at under
-- SELECT ... FOR UPDATE) and when the next reconciliation is due.
create table tenovi_sync_state (
    organization_id   uuid primary key,
    next_request_at   timestamp with time zone not null,
    next_reconcile_at timestamp with time zone
);

-- Per device (or Patient ID) the greatest Tenovi `created` (server time) committed so far.
create table tenovi_sync_cursors (
    organization_id uuid not null,
    target          varchar(140) not null,
    created_max     timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    primary key (organization_id, target)
);
