-- Rate limits shared by every instance (sign-in failures per account and per address, API requests per token,
-- webhook deliveries per key): one token bucket per limit and key. The key is stored as its SHA-256 only.
create table rate_buckets (
    limit_name varchar(40)      not null,
    key_sha256 char(64)         not null,
    tokens     double precision not null,
    updated_ms bigint           not null,
    constraint rate_buckets_pk primary key (limit_name, key_sha256)
);

create index rate_buckets_updated on rate_buckets (updated_ms);
