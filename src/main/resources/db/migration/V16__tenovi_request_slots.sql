-- One shared request pacing per Tenovi API key (issue 13 §7), used by every call TenoviClient makes, on every
-- instance: a request reserves next_request_at under SELECT ... FOR UPDATE and waits for it; a 429 pushes it back.
-- The key itself is never stored here, only its SHA-256 (hex). Replaces tenovi_sync_state.next_request_at, which is
-- no longer read.
create table tenovi_request_slots (
    api_key_sha256  varchar(64) primary key,
    next_request_at timestamp with time zone not null
);
