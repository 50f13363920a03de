-- The billing module's summaries for the seeded readings, as the app keeps them when readings are attributed
-- (care_rpm_months, one row per client and month with the month's days as bits), plus care time: three
-- entries per client in each of the last two months. Run after seed.sql (bench/reports/run.sh does).
\set ON_ERROR_STOP on
\timing on
set synchronous_commit = off;
-- A reading's day: its local date by its own UTC offset (every seeded reading has one), else the client's zone.
insert into care_rpm_months (client_id, month_start, organization_id, vital_days, any_days)
select client_id, date_trunc('month', day)::date, organization_id,
       bit_or(case when vital then 1 << (extract(day from day)::int - 1) else 0 end),
       bit_or(1 << (extract(day from day)::int - 1))
from (select distinct m.client_id, m.organization_id,
             case when m.utc_offset_minutes is not null
                  then (m.measured_at at time zone 'UTC' + m.utc_offset_minutes * interval '1 minute')::date
                  else (m.measured_at at time zone c.time_zone)::date end as day,
             m.type in ('BLOOD_PRESSURE', 'PULSE', 'SPO2', 'GLUCOSE', 'WEIGHT', 'TEMPERATURE', 'PEAK_FLOW') as vital
      from measurements m join clients c on c.id = m.client_id) d
group by client_id, date_trunc('month', day)::date, organization_id
-- The app may have counted some clients already (RpmRecount runs while the seed loads): the same days.
on conflict (client_id, month_start) do update set vital_days = excluded.vital_days, any_days = excluded.any_days;
insert into care_rpm_counts (client_id, organization_id, time_zone, counted_at)
select id, organization_id, time_zone, now() from clients on conflict do nothing;
insert into care_time_entries (id, organization_id, client_id, local_date, minutes, note, logged_by, logged_at)
select gen_random_uuid(), organization_id, id, (date_trunc('month', current_date) - m * interval '1 month')::date + e * 7,
       5 + (e * 7 + m) % 12, 'Reviewed readings', 'bench@example.test', now()
from clients cross join generate_series(0, 1) m cross join generate_series(0, 2) e;
analyze care_rpm_months;
analyze care_time_entries;
select count(*) as rpm_months from care_rpm_months;
