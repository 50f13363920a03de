-- The clinic's own time zone, for the organization's pages (sync jobs, health, audit, tokens). Null: the default
-- (rpmsync.organization.default-time-zone). Client data keeps each client's own time zone.
alter table organizations add column time_zone varchar(64);
