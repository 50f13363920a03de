-- The audit log is filtered by client, staff member and action inside one organization, newest first.
create index ix_audit_events_org_target_time on audit_events (organization_id, target_type, target_id, occurred_at desc);
create index ix_audit_events_org_actor_time on audit_events (organization_id, actor, occurred_at desc);
create index ix_audit_events_org_action_time on audit_events (organization_id, action, occurred_at desc);
