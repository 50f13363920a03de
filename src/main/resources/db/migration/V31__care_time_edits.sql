-- Care-time entries can be corrected by who logged them within the month; the last change is kept beside it and
-- every change is in the audit log.
alter table care_time_entries add column updated_at timestamp with time zone;
alter table care_time_entries add column updated_by varchar(320);
