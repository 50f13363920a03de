-- Seeds one organization of 10,000 clients and about 20 million readings (PostgreSQL only: generate_series).
-- Client 00001 has three years of PillBox openings and BPM readings; every other client about 520 days.
-- Run on a database the app has already migrated (bench/reports/run.sh does both).
\set ON_ERROR_STOP on
\timing on
set synchronous_commit = off;
set maintenance_work_mem = '1GB';

insert into organizations (id, name, slug, tenovi_enabled, created_at)
values ('00000000-0000-0000-0000-0000000000b1', 'Bench Clinic', 'bench', true, now());
insert into staff_users (id, organization_id, email, name, password_hash, role, created_at)
values (gen_random_uuid(), '00000000-0000-0000-0000-0000000000b1', 'bench@example.test', 'Bench Practitioner',
        '{noop}bench-password', 'PRACTITIONER', now());
insert into clients (id, organization_id, first_name, last_name, email, external_id, time_zone, created_at, updated_at)
select ('00000000-0000-0000-0001-' || lpad(to_hex(g), 12, '0'))::uuid, '00000000-0000-0000-0000-0000000000b1',
       'Client', 'Bench' || lpad(g::text, 5, '0'), null, 'B-' || g, 'America/New_York', now(), now()
from generate_series(1, 10000) g;

-- Bulk load without the indexes, then build them as the migrations define them.
alter table measurements drop constraint uq_measurements_reading;
drop index ix_measurements_client_time;
drop index ix_measurements_org_device;
drop index ix_measurements_org_type_time;
drop index ix_measurements_client_type_time;
drop index ix_measurements_org_late;

-- kind 1/2: PillBox AM/PM openings (about 10% missed, 2% synced late); kind 3/4: blood pressure and its pulse.
insert into measurements (id, organization_id, client_id, source, device_id, patient_id, metric, type, measured_at,
                          utc_offset_minutes, measurement_index, raw_value_1, raw_value_2, value_1, value_2, unit,
                          label, estimated_timestamp, late, received_at, origin)
select gen_random_uuid(), '00000000-0000-0000-0000-0000000000b1',
       ('00000000-0000-0000-0001-' || lpad(to_hex(c), 12, '0'))::uuid, 'tenovi',
       case when k <= 2 then 'pill-' else 'bpm-' end || c, null,
       case k when 1 then 'pillbox_opened' when 2 then 'pillbox_opened' when 3 then 'blood_pressure' else 'pulse' end,
       case k when 1 then 'MEDICATION_COMPARTMENT_OPENED' when 2 then 'MEDICATION_COMPARTMENT_OPENED'
              when 3 then 'BLOOD_PRESSURE' else 'PULSE' end,
       at, -300, case when k >= 3 then d::text else '' end,
       case when k <= 2 then (extract(dow from at - interval '5 hours')::int + 1)::text
            when k = 3 then (115 + (c + d) % 30)::text else (60 + (c * d) % 25)::text end,
       case k when 1 then '1' when 2 then '2' when 3 then (75 + (c + d) % 15)::text else '' end,
       case when k <= 2 then extract(dow from at - interval '5 hours')::int + 1
            when k = 3 then 115 + (c + d) % 30 else 60 + (c * d) % 25 end,
       case k when 1 then 1 when 2 then 2 when 3 then 75 + (c + d) % 15 else null end,
       case k when 1 then null when 2 then null when 3 then 'mm[Hg]' else '/min' end,
       case when k <= 2 then to_char(at - interval '5 hours', 'FMDay') || case k when 1 then ' AM' else ' PM' end end,
       false, late, at + case when late then interval '2 days' else interval '30 seconds' end, 'WEBHOOK'
from generate_series(1, 10000) c
cross join lateral generate_series(0, case when c = 1 then 1094 else 519 end) d
cross join generate_series(1, 4) k
cross join lateral (select (current_date - d) + case k when 1 then time '13:00' when 2 then time '01:00'
                                                     else time '12:30' end
                           + ((c * 7919 + d * 104729 + k) % 240 - 90) * interval '1 minute'
                           + case when k = 2 then interval '1 day' else interval '0' end as at,
                           (c + d * 31 + k) % 50 = 0 as late) t
where k >= 3 or (c * 31 + d * 17 + k) % 10 <> 0;

alter table measurements add constraint uq_measurements_reading unique (organization_id, source, device_id, metric,
    measured_at, measurement_index, raw_value_1, raw_value_2);
create index ix_measurements_client_time on measurements (client_id, measured_at desc);
create index ix_measurements_org_device on measurements (organization_id, device_id, measured_at);
create index ix_measurements_org_type_time on measurements (organization_id, type, measured_at);
create index ix_measurements_client_type_time on measurements (client_id, type, measured_at desc);
create index ix_measurements_org_late on measurements (organization_id, late, received_at, client_id);

-- The summaries attribution keeps as readings arrive (filled as migration V13 fills them for existing data); the
-- app calculates the 7-day scores in the background.
insert into client_activity (client_id, organization_id, last_received_at, last_measured_at, last_medication_at)
select client_id, organization_id, max(received_at), max(measured_at),
       max(case when type = 'MEDICATION_COMPARTMENT_OPENED' then measured_at end)
from measurements where client_id is not null
group by client_id, organization_id;
insert into adherence_week_scores (client_id, organization_id, version)
select client_id, organization_id, 1 from client_activity where last_medication_at is not null;
analyze;
select count(*) as readings from measurements;
