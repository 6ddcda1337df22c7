-- Which Attain node runs a scheduled job right now (ShedLock's table, its PostgreSQL layout): when several nodes
-- serve one database, each job's timer fires on every node and the first to take the row runs it; the others skip
-- that turn. lock_until and locked_at are in UTC, from the database's clock (not the nodes'), so nodes whose clocks
-- drift apart still agree. locked_by names the host and the instance key (platform.InstanceLease).
create table platform_job_lock (
    name       varchar(64)  primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);
