-- Webhook deliveries refused for a missing or wrong secret, counted per organization and UTC hour with the time of
-- the latest one, so the Tenovi tile can say "refused N times in the last 24 h, latest at ...". Nothing of the
-- refused request itself is kept. The count moves from ingest's per-day table (V8, which had no time of the latest
-- refusal) to the tenovi module, which owns the webhook secret; the old per-day counters are not carried over.
create table tenovi_refused_deliveries (
    organization_id uuid                     not null references organizations (id),
    refused_hour    timestamp with time zone not null,
    refused         integer                  not null,
    last_refused_at timestamp with time zone not null,
    constraint pk_tenovi_refused_deliveries primary key (organization_id, refused_hour)
);

drop table refused_deliveries;
