-- Clients are the clinic's patients.
create table clients (
    id              uuid primary key,
    organization_id uuid         not null references organizations (id),
    first_name      varchar(100) not null,
    last_name       varchar(100) not null,
    email           varchar(320),
    external_id     varchar(128),
    time_zone       varchar(64)  not null,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    constraint uq_clients_external_id unique (organization_id, external_id)
);
create index ix_clients_org_name on clients (organization_id, last_name, first_name);
create index ix_clients_org_email on clients (organization_id, email);
