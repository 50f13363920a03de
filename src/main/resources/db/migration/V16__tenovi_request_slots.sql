-- One shared request pacing per Tenovi API key (issue 13 §7), used by every call TenoviClient makes, on every
-- instance. A request may leave only when next_request_at has passed and no other request with the key is in flight
-- (in_flight_until, a lease in case its instance dies); once answered, next_request_at = answer time + interval, so
-- that Tenovi sees two requests at least the interval apart whatever the network delays. A 429 pushes it back.
-- The key itself is never stored here, only its SHA-256 (hex). Replaces tenovi_sync_state.next_request_at, which is
-- no longer read.
create table tenovi_request_slots (
    api_key_sha256  varchar(64) primary key,
    next_request_at timestamp with time zone not null,
    in_flight_until timestamp with time zone
);
