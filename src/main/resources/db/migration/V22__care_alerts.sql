-- The care team's worklist (module care): alert rules, alerts and care time.
-- Rules as JSON (AlertRules): the organization's (client_id null) and a client's own over them.
create table care_alert_rules (
    id              uuid primary key,
    organization_id uuid         not null references organizations (id),
    client_id       uuid references clients (id),
    rules           varchar(4000) not null,
    updated_at      timestamp with time zone not null,
    updated_by      varchar(320) not null,
    constraint uq_care_alert_rules unique (organization_id, client_id)
);
-- One open alert per client and rule: open_client_id is the client while the alert is open, null once acknowledged.
create table care_alerts (
    id               uuid primary key,
    organization_id  uuid         not null references organizations (id),
    client_id        uuid         not null references clients (id),
    rule             varchar(32)  not null,
    severity         varchar(16)  not null,
    status           varchar(16)  not null,
    opened_at        timestamp with time zone not null,
    measurement_id   uuid         not null,
    measured_at      timestamp with time zone not null,
    reading_value    varchar(64)  not null,
    late             boolean      not null,
    reading_count    integer      not null,
    acknowledged_at  timestamp with time zone,
    acknowledged_by  varchar(320),
    note             varchar(1000),
    minutes          integer,
    open_client_id   uuid,
    constraint uq_care_alerts_open unique (organization_id, rule, open_client_id)
);
create index ix_care_alerts_org_status on care_alerts (organization_id, status, opened_at desc);
create index ix_care_alerts_client on care_alerts (client_id, opened_at desc);
-- Each reading counts towards each rule at most once, however often it is attributed or replayed.
create table care_alert_readings (
    measurement_id uuid        not null,
    rule           varchar(32) not null,
    alert_id       uuid        not null references care_alerts (id),
    primary key (measurement_id, rule)
);
create table care_time_entries (
    id              uuid primary key,
    organization_id uuid         not null references organizations (id),
    client_id       uuid         not null references clients (id),
    local_date      date         not null,
    minutes         integer      not null,
    note            varchar(1000),
    alert_id        uuid references care_alerts (id),
    logged_by       varchar(320) not null,
    logged_at       timestamp with time zone not null
);
create index ix_care_time_client_date on care_time_entries (client_id, local_date);
