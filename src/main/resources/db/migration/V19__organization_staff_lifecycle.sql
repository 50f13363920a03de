-- Who created each API token, and one-time password-reset links (stored only as SHA-256 hashes).
alter table api_tokens add column created_by varchar(320);

create table staff_password_resets (
    id              uuid primary key,
    staff_id        uuid         not null references staff_users (id),
    token_hash      varchar(64)  not null,
    created_by      varchar(320) not null,
    created_at      timestamp with time zone not null,
    expires_at      timestamp with time zone not null,
    used_at         timestamp with time zone,
    constraint uq_staff_password_resets_hash unique (token_hash)
);
create index ix_staff_password_resets_staff on staff_password_resets (staff_id);
