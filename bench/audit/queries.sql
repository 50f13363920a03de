-- The audit log page's queries (AuditSearch: first page of 50 + 1, newest first), with their plans and times.
\set org '''11111111-1111-1111-1111-111111111111'''
\set client '''22222222-2222-2222-2222-000000000042'''
\echo 1 unfiltered first page
explain (analyze, costs off, timing off, summary on) select occurred_at, organization_id, actor, action, target_type, target_id, outcome, detail from audit_events where organization_id = :org order by occurred_at desc, id desc limit 51 offset 0;
\echo 2 client access history
explain (analyze, costs off, timing off, summary on) select occurred_at, organization_id, actor, action, target_type, target_id, outcome, detail from audit_events where organization_id = :org and target_type = 'client' and target_id = :client order by occurred_at desc, id desc limit 51 offset 0;
\echo 3 client this month
explain (analyze, costs off, timing off, summary on) select occurred_at, organization_id, actor, action, target_type, target_id, outcome, detail from audit_events where organization_id = :org and target_type = 'client' and target_id = :client and occurred_at >= date_trunc('month', now()) order by occurred_at desc, id desc limit 51 offset 0;
\echo 4 staff member
explain (analyze, costs off, timing off, summary on) select occurred_at, organization_id, actor, action, target_type, target_id, outcome, detail from audit_events where organization_id = :org and actor = 'staff7@clinic.example' order by occurred_at desc, id desc limit 51 offset 0;
\echo 5 action and date range
explain (analyze, costs off, timing off, summary on) select occurred_at, organization_id, actor, action, target_type, target_id, outcome, detail from audit_events where organization_id = :org and action = 'REPORT_EXPORTED' and occurred_at >= now() - interval '90 days' and occurred_at < now() - interval '60 days' order by occurred_at desc, id desc limit 51 offset 0;
\echo 6 staff member + client + month
explain (analyze, costs off, timing off, summary on) select occurred_at, organization_id, actor, action, target_type, target_id, outcome, detail from audit_events where organization_id = :org and actor = 'staff42@clinic.example' and target_type = 'client' and target_id = :client and occurred_at >= now() - interval '30 days' order by occurred_at desc, id desc limit 51 offset 0;
\echo 7 unfiltered page 100
explain (analyze, costs off, timing off, summary on) select occurred_at, organization_id, actor, action, target_type, target_id, outcome, detail from audit_events where organization_id = :org order by occurred_at desc, id desc limit 51 offset 5000;
\echo 8 rare action no match
explain (analyze, costs off, timing off, summary on) select occurred_at, organization_id, actor, action, target_type, target_id, outcome, detail from audit_events where organization_id = :org and action = 'STAFF_DEACTIVATED' order by occurred_at desc, id desc limit 51 offset 0;
