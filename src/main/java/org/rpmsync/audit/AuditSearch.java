package org.rpmsync.audit;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads the audit log of one organization, filtered and newest first. Every filter combination is served by an
 * index that starts with the organization (see V20__audit_filters.sql and BENCHMARKS.md).
 */
@Service
public class AuditSearch {

    private final JdbcClient jdbc;

    AuditSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** At most {@code limit} rows after skipping {@code offset}, newest first. */
    public List<AuditEntry> find(AuditQuery query, int offset, int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("""
                select occurred_at, organization_id, actor, action, target_type, target_id, outcome, detail
                from audit_events where organization_id = ?""");
        params.add(query.organizationId());
        condition(sql, params, "actor = ?", query.actor());
        condition(sql, params, "action = ?", query.action());
        condition(sql, params, "target_type = ?", query.targetType());
        condition(sql, params, "target_id = ?", query.targetId());
        condition(sql, params, "occurred_at >= ?", query.from() == null ? null : Timestamp.from(query.from()));
        condition(sql, params, "occurred_at < ?", query.until() == null ? null : Timestamp.from(query.until()));
        sql.append(" order by occurred_at desc, id desc limit ? offset ?");
        params.add(Math.max(limit, 0));
        params.add(Math.max(offset, 0));
        return jdbc.sql(sql.toString()).params(params).query(AuditLog::entry).list();
    }

    private static void condition(StringBuilder sql, List<Object> params, String condition, Object value) {
        if (value != null) {
            sql.append(" and ").append(condition);
            params.add(value);
        }
    }
}
