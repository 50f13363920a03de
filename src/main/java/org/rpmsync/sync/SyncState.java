package org.rpmsync.sync;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code tenovi_sync_state} and {@code tenovi_sync_cursors}: per organization the row jobs are claimed under and the
 * reconciliation schedule, per device (or Patient ID) the greatest {@code created} committed so far. (Request pacing
 * is per API key, in the cluster module's {@code PacedCalls}.)
 */
@Repository
class SyncState {

    private final JdbcClient jdbc;

    SyncState(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void ensure(UUID organization) {
        jdbc.sql("""
                insert into tenovi_sync_state (organization_id, next_request_at) values (?, current_timestamp)
                on conflict do nothing""").param(organization).update();
    }

    /** Locks the organization's row for this transaction, waiting for other holders. */
    void lock(UUID organization) {
        jdbc.sql("select organization_id from tenovi_sync_state where organization_id = ? for update")
                .param(organization).query(UUID.class).list();
    }

    /** Locks the organization's row for this transaction; false when another instance holds it. */
    boolean tryLock(UUID organization) {
        return !jdbc.sql("select organization_id from tenovi_sync_state where organization_id = ? for update skip locked")
                .param(organization).query(UUID.class).list().isEmpty();
    }

    Optional<Instant> cursor(UUID organization, String target) {
        return jdbc.sql("select created_max from tenovi_sync_cursors where organization_id = ? and target = ?")
                .params(organization, target).query((rs, n) -> rs.getTimestamp(1).toInstant()).optional();
    }

    /** Moves the cursor forward to {@code created} (never back). */
    void advance(UUID organization, String target, Instant created) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                insert into tenovi_sync_cursors (organization_id, target, created_max, updated_at) values (?, ?, ?, ?)
                on conflict do nothing""").params(organization, target, Timestamp.from(created), now).update();
        jdbc.sql("""
                update tenovi_sync_cursors set created_max = ?, updated_at = ?
                where organization_id = ? and target = ? and created_max < ?""")
                .params(Timestamp.from(created), now, organization, target, Timestamp.from(created)).update();
    }

    /** Claims the organization's due reconciliation (true once per due time across instances) and sets the next one. */
    boolean claimReconciliation(UUID organization, Instant now, Duration interval) {
        ensure(organization);
        Timestamp next = Timestamp.from(now.plus(interval));
        jdbc.sql("update tenovi_sync_state set next_reconcile_at = ? where organization_id = ? and next_reconcile_at is null")
                .params(next, organization).update();
        return jdbc.sql("""
                update tenovi_sync_state set next_reconcile_at = ?
                where organization_id = ? and next_reconcile_at <= ?""")
                .params(next, organization, Timestamp.from(now)).update() == 1;
    }

    Optional<Instant> nextReconciliation(UUID organization) {
        return jdbc.sql("select next_reconcile_at from tenovi_sync_state where organization_id = ?")
                .param(organization).query((rs, n) -> {
                    Timestamp t = rs.getTimestamp(1);
                    return t == null ? null : t.toInstant();
                }).optional();
    }
}
