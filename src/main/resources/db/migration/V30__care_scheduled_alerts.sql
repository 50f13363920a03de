-- Alerts raised on schedule (missed_doses, no_data) have no single reading.
alter table care_alerts alter column measurement_id drop not null;
-- Each condition (a run of missed doses from its first slot, a device's silence since its last reading) raises at
-- most once, whichever instance evaluates it and however often: the primary key decides.
create table care_alert_conditions (
    client_id       uuid         not null,
    rule            varchar(32)  not null,
    condition_key   varchar(200) not null,
    organization_id uuid         not null,
    alert_id        uuid references care_alerts (id),
    raised_at       timestamp with time zone not null,
    primary key (client_id, rule, condition_key)
);
-- When each of a client's devices last measured something (kept as readings reach the client), for no_data.
create table care_device_seen (
    client_id        uuid        not null,
    device_id        varchar(64) not null,
    organization_id  uuid        not null,
    last_measured_at timestamp with time zone not null,
    primary key (client_id, device_id)
);
