-- One row per scheduled job (ShedLock): the instance holding it until lock_until runs the job, the others skip.
create table scheduler_locks (
    name       varchar(64)  not null primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);
