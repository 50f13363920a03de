-- Organizations (tenants), their staff and API tokens.
create table organizations (
    id              uuid primary key,
    name            varchar(200) not null,
    slug            varchar(63)  not null,
    tenovi_enabled  boolean      not null default false,
    created_at      timestamp with time zone not null,
    constraint uq_organizations_slug unique (slug)
);

create table staff_users (
    id              uuid primary key,
    organization_id uuid references organizations (id),
    email           varchar(320) not null,
    name            varchar(200) not null,
    password_hash   varchar(200) not null,
    role            varchar(20)  not null,
    enabled         boolean      not null default true,
    created_at      timestamp with time zone not null,
    constraint uq_staff_users_email unique (email),
    constraint ck_staff_users_role check (role in ('PLATFORM_ADMIN', 'ORG_ADMIN', 'PRACTITIONER')),
    constraint ck_staff_users_org check ((role = 'PLATFORM_ADMIN') = (organization_id is null))
);

create table api_tokens (
    id              uuid primary key,
    organization_id uuid references organizations (id),
    scope           varchar(20)  not null,
    name            varchar(100) not null,
    token_hash      varchar(64)  not null,
    hint            varchar(8)   not null,
    created_at      timestamp with time zone not null,
    last_used_at    timestamp with time zone,
    revoked_at      timestamp with time zone,
    constraint uq_api_tokens_hash unique (token_hash),
    constraint ck_api_tokens_scope check (scope in ('ORGANIZATION', 'PLATFORM')),
    constraint ck_api_tokens_org check ((scope = 'PLATFORM') = (organization_id is null))
);
create index ix_api_tokens_org on api_tokens (organization_id);
