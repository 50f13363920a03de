-- Each client's dosing schedule (absent = the default: AM 08:00, PM 20:00, window ±120 min), as minutes after
-- local midnight, and practitioners' reasons for missed doses (the adjudicated adherence).
create table adherence_schedules (
    client_id       uuid primary key references clients (id),
    organization_id uuid         not null references organizations (id),
    am_minute       integer      not null,
    pm_minute       integer      not null,
    window_minutes  integer      not null,
    updated_at      timestamp with time zone not null,
    updated_by      varchar(320) not null
);

create table adherence_reasons (
    client_id       uuid         not null references clients (id),
    organization_id uuid         not null references organizations (id),
    slot_date       date         not null,
    period          varchar(2)   not null,
    reason          varchar(500) not null,
    noted_by        varchar(320) not null,
    noted_at        timestamp with time zone not null,
    primary key (client_id, slot_date, period)
);
