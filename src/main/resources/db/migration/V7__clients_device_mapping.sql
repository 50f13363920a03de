-- Matching clients with devices. A client's Tenovi Patient ID is tenovi_patient_id, or its external_id when unset.
alter table clients add column tenovi_patient_id varchar(128);
alter table clients add constraint uq_clients_tenovi_patient_id unique (organization_id, tenovi_patient_id);

-- Who held which device when. A device has at most one current holder per organization: current_device_id is the
-- device id while the assignment is current and null once it ended, and is unique. The first assignment of a
-- device in an organization is effective from 1900 (it covers readings from before the mapping existed); a move
-- ends the old assignment and starts the new one at the same instant, so every instant has at most one holder.
create table device_assignments (
    id                uuid primary key,
    organization_id   uuid         not null references organizations (id),
    client_id         uuid         not null references clients (id),
    source            varchar(16)  not null,
    device_id         varchar(64)  not null,
    device_name       varchar(100),
    sensor_code       varchar(16),
    vendor_status     varchar(40),
    vendor_patient_id varchar(128),
    discovered        boolean      not null default false,
    effective_from    timestamp with time zone not null,
    assigned_at       timestamp with time zone not null,
    ended_at          timestamp with time zone,
    current_device_id varchar(64),
    constraint uq_device_assignments_current unique (organization_id, source, current_device_id)
);
create index ix_device_assignments_device on device_assignments (organization_id, source, device_id, effective_from);
create index ix_device_assignments_client on device_assignments (client_id, ended_at);
