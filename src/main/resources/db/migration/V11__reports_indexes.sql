-- Organization-wide reads by type and time (a week of openings for the overview).
create index ix_measurements_org_type_time on measurements (organization_id, type, measured_at);
-- A client's readings of some types newest first (report sections, API type filter).
create index ix_measurements_client_type_time on measurements (client_id, type, measured_at desc);
-- What an organization received lately (overview: quiet devices, late data); covering, for index-only scans.
create index ix_measurements_org_received on measurements (organization_id, received_at, client_id, late);
