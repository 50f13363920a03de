-- Normalized readings. One row per reading however it arrives (webhook, refresh, reconciliation): the unique key
-- is the reading's natural key, with NOT NULL (coalesced) columns, and writers insert with ON CONFLICT DO NOTHING.
create table measurements (
    id                  uuid primary key,
    organization_id     uuid         not null references organizations (id),
    client_id           uuid references clients (id),
    source              varchar(16)  not null,
    device_id           varchar(64)  not null,
    patient_id          varchar(128),
    metric              varchar(64)  not null,
    type                varchar(40)  not null,
    measured_at         timestamp with time zone not null,
    utc_offset_minutes  integer,
    measurement_index   varchar(32)  not null,
    raw_value_1         varchar(64)  not null,
    raw_value_2         varchar(64)  not null,
    value_1             numeric(16, 4),
    value_2             numeric(16, 4),
    unit                varchar(16),
    label               varchar(64),
    estimated_timestamp boolean      not null,
    late                boolean      not null,
    received_at         timestamp with time zone not null,
    origin              varchar(16)  not null,
    constraint uq_measurements_reading unique (organization_id, source, device_id, metric, measured_at,
                                               measurement_index, raw_value_1, raw_value_2)
);
create index ix_measurements_client_time on measurements (client_id, measured_at desc);
create index ix_measurements_org_device on measurements (organization_id, device_id, measured_at);
