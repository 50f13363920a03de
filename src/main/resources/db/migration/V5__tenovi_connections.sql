-- One Tenovi connection per organization. The API key is stored encrypted (AES-GCM: key id, nonce, ciphertext,
-- all text), webhook secrets only as SHA-256 hex. Unlinking erases the credentials and keeps the row.
create table tenovi_connections (
    organization_id            uuid primary key references organizations (id),
    status                     varchar(32)  not null,
    client_domain              varchar(63),
    api_key_key_id             varchar(32),
    api_key_iv                 varchar(32),
    api_key_ciphertext         varchar(2048),
    api_key_hint               varchar(8),
    checked_at                 timestamp with time zone,
    last_error                 varchar(500),
    last_webhook_at            timestamp with time zone,
    webhook_key                varchar(64)  not null,
    webhook_auth_header        varchar(64)  not null,
    webhook_secret_hash        varchar(64),
    previous_secret_hash       varchar(64),
    previous_secret_expires_at timestamp with time zone,
    linked_at                  timestamp with time zone,
    updated_at                 timestamp with time zone not null,
    constraint uq_tenovi_connections_webhook_key unique (webhook_key),
    constraint ck_tenovi_connections_status
        check (status in ('not_linked', 'connected', 'credentials_rejected', 'unreachable'))
);
