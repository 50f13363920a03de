-- What the organization overview reads instead of the readings themselves (it must answer in 200 ms for 10,000
-- clients and 20 million readings).

-- Per client: when its data last arrived and was measured, and its last PillBox opening. Kept by attribution, in
-- the transaction that gives readings to the client.
create table client_activity (
    client_id          uuid primary key references clients (id),
    organization_id    uuid not null references organizations (id),
    last_received_at   timestamp with time zone not null,
    last_measured_at   timestamp with time zone not null,
    last_medication_at timestamp with time zone
);
create index ix_client_activity_received on client_activity (organization_id, last_received_at);

insert into client_activity (client_id, organization_id, last_received_at, last_measured_at, last_medication_at)
select client_id, organization_id, max(received_at), max(measured_at),
       max(case when type = 'MEDICATION_COMPARTMENT_OPENED' then measured_at end)
from measurements where client_id is not null
group by client_id, organization_id;

-- Each PillBox client's adherence over the last seven local days: a cache of the scoring. 'version' moves when the
-- client's openings or schedule change; a row is fresh while computed_version = version, its time zone is still the
-- client's, and valid_until (the client's next local midnight, when the seven days move on) has not passed.
create table adherence_week_scores (
    client_id        uuid primary key references clients (id),
    organization_id  uuid    not null references organizations (id),
    version          bigint  not null,
    computed_version bigint,
    time_zone        varchar(64),
    valid_until      timestamp with time zone,
    due              integer,
    taken            integer,
    on_time          integer,
    percent_taken    integer,
    percent_on_time  integer
);
-- Only the organization is indexed, so recalculations update rows in place (no index entry per update).
create index ix_adherence_week_scores_org on adherence_week_scores (organization_id);

insert into adherence_week_scores (client_id, organization_id, version)
select client_id, organization_id, 1 from client_activity where last_medication_at is not null;

-- Late data of the last days: only the late rows of the organization are read (replaces the received-time index,
-- which the overview no longer needs).
drop index ix_measurements_org_received;
create index ix_measurements_org_late on measurements (organization_id, late, received_at, client_id);
