package org.rpmsync.sync;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes {@code tenovi_sync_jobs}; every read a person can trigger is scoped by organization. */
@Repository
class SyncJobStore {

    private final JdbcClient jdbc;

    SyncJobStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    SyncJob insert(UUID organization, UUID client, String device, SyncTrigger trigger, String requestedBy) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into tenovi_sync_jobs (id, organization_id, client_id, device_id, trigger_kind, status,
                                              requested_by, created_at)
                values (?, ?, ?, ?, ?, 'queued', ?, ?)""")
                .params(id, organization, client, device, trigger.name(), requestedBy, ts(Instant.now())).update();
        return find(organization, id).orElseThrow();
    }

    Optional<SyncJob> find(UUID organization, UUID id) {
        return jdbc.sql("select * from tenovi_sync_jobs where organization_id = ? and id = ?")
                .params(organization, id).query(SyncJobStore::row).optional();
    }

    /** The client's refresh that is still queued or running, which a second click joins. */
    Optional<SyncJob> active(UUID organization, UUID client, SyncTrigger trigger) {
        String sql = "select * from tenovi_sync_jobs where organization_id = ? and trigger_kind = ? "
                + "and status in ('queued', 'running') and " + (client == null ? "client_id is null" : "client_id = ?")
                + " order by created_at limit 1";
        var statement = jdbc.sql(sql).param(organization).param(trigger.name());
        return (client == null ? statement : statement.param(client)).query(SyncJobStore::row).optional();
    }

    List<SyncJob> recent(UUID organization, int limit) {
        return jdbc.sql("select * from tenovi_sync_jobs where organization_id = ? order by created_at desc limit ?")
                .params(organization, limit).query(SyncJobStore::row).list();
    }

    Optional<SyncJob> latestFor(UUID organization, UUID client) {
        return jdbc.sql("""
                select * from tenovi_sync_jobs where organization_id = ? and client_id = ?
                order by created_at desc limit 1""").params(organization, client).query(SyncJobStore::row).optional();
    }

    /** Organizations with a job waiting, or one whose worker stopped renewing its lease. */
    List<UUID> organizationsWithWork(Instant now) {
        return jdbc.sql("""
                select distinct organization_id from tenovi_sync_jobs
                where status = 'queued' or (status = 'running' and lease_until < ?)""")
                .param(ts(now)).query(UUID.class).list();
    }

    boolean runningElsewhere(UUID organization, Instant now) {
        return jdbc.sql("""
                select count(*) from tenovi_sync_jobs
                where organization_id = ? and status = 'running' and lease_until >= ?""")
                .params(organization, ts(now)).query(Long.class).single() > 0;
    }

    Optional<SyncJob> next(UUID organization, Instant now) {
        return jdbc.sql("""
                select * from tenovi_sync_jobs where organization_id = ?
                  and (status = 'queued' or (status = 'running' and lease_until < ?))
                order by created_at limit 1""").params(organization, ts(now)).query(SyncJobStore::row).optional();
    }

    void start(UUID id, String owner, Instant leaseUntil) {
        jdbc.sql("""
                update tenovi_sync_jobs set status = 'running', lease_owner = ?, lease_until = ?,
                  started_at = coalesce(started_at, ?) where id = ?""")
                .params(owner, ts(leaseUntil), ts(Instant.now()), id).update();
    }

    void progress(UUID id, int pages, int found, int stored, Instant leaseUntil) {
        jdbc.sql("""
                update tenovi_sync_jobs set pages_fetched = pages_fetched + ?, readings_found = readings_found + ?,
                  new_measurements = new_measurements + ?, lease_until = ? where id = ?""")
                .params(pages, found, stored, ts(leaseUntil), id).update();
    }

    void finish(UUID id, String status, String error) {
        jdbc.sql("""
                update tenovi_sync_jobs set status = ?, error = ?, finished_at = ?, lease_owner = null,
                  lease_until = null where id = ?""")
                .params(status, error == null ? null : abbreviate(error), ts(Instant.now()), id).update();
    }

    private static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 497) + "...";
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static SyncJob row(ResultSet rs, int n) throws SQLException {
        return new SyncJob(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class),
                rs.getObject("client_id", UUID.class), rs.getString("device_id"),
                SyncTrigger.valueOf(rs.getString("trigger_kind")), rs.getString("status"),
                rs.getInt("pages_fetched"), rs.getInt("readings_found"), rs.getInt("new_measurements"),
                rs.getString("error"), instant(rs, "created_at"), instant(rs, "started_at"),
                instant(rs, "finished_at"));
    }
}
