-- One million audit rows: 900,000 in one organization (50 staff, 2,000 clients, a year of times), the rest in 90 others.
\timing on
insert into audit_events (occurred_at, organization_id, actor, action, target_type, target_id, outcome, detail)
select now() - ((g::bigint * 7919) % 31536000) * interval '1 second',
       case when g % 10 = 0 then '00000000-0000-0000-0000-0000000000' || lpad((g % 90 + 10)::text, 2, '0') else '11111111-1111-1111-1111-111111111111' end::uuid,
       'staff' || (g % 50) || '@clinic.example',
       (array['CLIENT_VIEWED','CLIENT_VIEWED','CLIENT_VIEWED','REPORT_EXPORTED','CLIENT_UPDATED','DEVICE_ASSIGNED','OVERVIEW_VIEWED','TOKEN_CREATED','TENOVI_REFRESH_REQUESTED','PATIENT_ID_SAVED'])[g % 10 + 1],
       'client',
       '22222222-2222-2222-2222-' || lpad((g % 2000)::text, 12, '0'),
       'SUCCESS', 'dashboard'
from generate_series(1, 1000000) g;
