package org.rpmsync.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Append-only record of who read or changed what. There is deliberately no update or delete. */
@Service
public class AuditLog {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    AuditLog(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Records the entry in its own transaction, so a denied or failed action is still audited. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(AuditEntry entry) {
        jdbc.sql("""
                insert into audit_events (occurred_at, organization_id, actor, action, target_type, target_id,
                                          outcome, detail)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Timestamp.from(entry.occurredAt()), entry.organizationId(), truncate(entry.actor(), 320),
                        entry.action(), entry.targetType(), entry.targetId(), entry.outcome().name(),
                        truncate(entry.detail(), 500))
                .update();
    }

    /**
     * Records many entries with one batch statement, in the caller's transaction: the changes and their audit rows
     * commit (or roll back) together. For bulk operations, where one transaction per row would be too slow.
     */
    @Transactional
    public void recordAll(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        batch.batchUpdate("""
                insert into audit_events (occurred_at, organization_id, actor, action, target_type, target_id,
                                          outcome, detail)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", entries.stream().map(e -> new Object[] {
                Timestamp.from(e.occurredAt()), e.organizationId(), truncate(e.actor(), 320), e.action(),
                e.targetType(), e.targetId(), e.outcome().name(), truncate(e.detail(), 500)}).toList());
    }

    /** Newest first, for the organization's audit log page. */
    public List<AuditEntry> recent(UUID organizationId, int page, int size) {
        return jdbc.sql("""
                select occurred_at, organization_id, actor, action, target_type, target_id, outcome, detail
                from audit_events where organization_id = ? order by occurred_at desc, id desc
                limit ? offset ?""")
                .params(organizationId, size, (long) page * size)
                .query(AuditLog::entry)
                .list();
    }

    public long count(UUID organizationId) {
        return jdbc.sql("select count(*) from audit_events where organization_id = ?")
                .param(organizationId).query(Long.class).single();
    }

    /** Rows matching an action and target, newest first: used by tests and by "who viewed this" queries. */
    public List<AuditEntry> forTarget(String targetType, String targetId) {
        return jdbc.sql("""
                select occurred_at, organization_id, actor, action, target_type, target_id, outcome, detail
                from audit_events where target_type = ? and target_id = ? order by id desc""")
                .params(targetType, targetId)
                .query(AuditLog::entry)
                .list();
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getTimestamp("occurred_at").toInstant(), rs.getObject("organization_id", UUID.class),
                rs.getString("actor"), rs.getString("action"), rs.getString("target_type"), rs.getString("target_id"),
                AuditEntry.Outcome.valueOf(rs.getString("outcome")), rs.getString("detail"));
    }
}
