-- RPM months (module care): which local days of each client's calendar month had data, kept as readings are
-- attributed (ReadingsAttributed), so that an organization's month page never reads the readings themselves.
-- Bit d-1 of vital_days is set when a physiologic reading was measured on local day d of the month; any_days
-- likewise for any reading. Setting a bit twice changes nothing: the table is idempotent under replays.
create table care_rpm_months (
    client_id       uuid    not null,
    month_start     date    not null,
    organization_id uuid    not null,
    vital_days      integer not null default 0,
    any_days        integer not null default 0,
    primary key (client_id, month_start)
);
create index ix_care_rpm_months_org_month on care_rpm_months (organization_id, month_start);
-- The time zone a client's days were counted in, and when they were last counted from all its readings. A client
-- without a row (data from before this table) or with another zone than its own is counted again by RpmRecount.
create table care_rpm_counts (
    client_id       uuid        not null primary key,
    organization_id uuid        not null,
    time_zone       varchar(64) not null,
    counted_at      timestamp with time zone not null
);
-- Care minutes of an organization's month, for the month page.
create index ix_care_time_org_date on care_time_entries (organization_id, local_date);
