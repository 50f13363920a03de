-- Seeds one organization with ONE client and three years (1,095 days) of data, for the FHIR export timing
-- (bench/reports/fhir.sh): PillBox openings AM and PM (about 10% missed, 2% synced late), blood pressure with its
-- pulse, glucose and weight once a day. PostgreSQL only (generate_series); run on a database the app migrated.
\set ON_ERROR_STOP on
insert into organizations (id, name, slug, tenovi_enabled, created_at)
values ('00000000-0000-0000-0000-0000000000f1', 'FHIR Bench Clinic', 'fhir-bench', true, now());
insert into clients (id, organization_id, first_name, last_name, email, external_id, tenovi_patient_id, time_zone,
                     created_at, updated_at)
values ('00000000-0000-0000-0002-000000000001', '00000000-0000-0000-0000-0000000000f1', 'Client', 'Fhir', null,
        'F-1', 'TP-F-1', 'America/New_York', now(), now());
insert into device_assignments (id, organization_id, client_id, source, device_id, device_name, sensor_code,
                                vendor_status, discovered, effective_from, assigned_at, current_device_id)
select gen_random_uuid(), '00000000-0000-0000-0000-0000000000f1', '00000000-0000-0000-0002-000000000001', 'tenovi',
       device, name, null, 'Active', false, timestamp with time zone '1900-01-01 00:00Z', now(), device
from (values ('pill-f1', 'Tenovi Pill Box'), ('bpm-f1', 'Tenovi BPM - L'), ('glu-f1', 'Tenovi Glucometer'),
             ('sc-f1', 'Tenovi Scale')) d (device, name);

-- kind 1/2 PillBox AM/PM, 3 blood pressure, 4 its pulse, 5 glucose, 6 weight.
insert into measurements (id, organization_id, client_id, source, device_id, patient_id, metric, type, measured_at,
                          utc_offset_minutes, measurement_index, raw_value_1, raw_value_2, value_1, value_2, unit,
                          label, estimated_timestamp, late, received_at, origin)
select gen_random_uuid(), '00000000-0000-0000-0000-0000000000f1', '00000000-0000-0000-0002-000000000001', 'tenovi',
       case when k <= 2 then 'pill-f1' when k <= 4 then 'bpm-f1' when k = 5 then 'glu-f1' else 'sc-f1' end, 'TP-F-1',
       (array['pillbox_opened', 'pillbox_opened', 'blood_pressure', 'pulse', 'glucose', 'weight'])[k],
       (array['MEDICATION_COMPARTMENT_OPENED', 'MEDICATION_COMPARTMENT_OPENED', 'BLOOD_PRESSURE', 'PULSE', 'GLUCOSE',
              'WEIGHT'])[k],
       at, -300, case when k in (3, 4) then d::text else '' end,
       case when k <= 2 then (extract(dow from at - interval '5 hours')::int + 1)::text
            when k = 3 then (115 + d % 30)::text when k = 4 then (60 + d % 25)::text
            when k = 5 then (90 + d % 60)::text else (180 + (d % 40) / 10.0)::text end,
       case k when 1 then '1' when 2 then '2' when 3 then (75 + d % 15)::text else '' end,
       case when k <= 2 then extract(dow from at - interval '5 hours')::int + 1
            when k = 3 then 115 + d % 30 when k = 4 then 60 + d % 25
            when k = 5 then 90 + d % 60 else 180 + (d % 40) / 10.0 end,
       case k when 1 then 1 when 2 then 2 when 3 then 75 + d % 15 else null end,
       (array[null, null, 'mm[Hg]', '/min', 'mg/dL', '[lb_av]'])[k],
       case when k <= 2 then to_char(at - interval '5 hours', 'FMDay') || case k when 1 then ' AM' else ' PM' end
            when k = 5 then 'before meal' end,
       false, late, at + case when late then interval '2 days' else interval '30 seconds' end, 'WEBHOOK'
from generate_series(0, 1094) d
cross join generate_series(1, 6) k
cross join lateral (select (current_date - d) + case k when 1 then time '13:00' when 2 then time '01:00'
                                                     when 5 then time '11:45' when 6 then time '11:30'
                                                     else time '12:30' end
                           + ((d * 104729 + k) % 240 - 90) * interval '1 minute'
                           + case when k = 2 then interval '1 day' else interval '0' end as at,
                           (d * 31 + k) % 50 = 0 as late) t
where k >= 3 or (d * 17 + k) % 10 <> 0;
analyze measurements;
select type, count(*) from measurements where client_id = '00000000-0000-0000-0002-000000000001' group by type
order by type;
