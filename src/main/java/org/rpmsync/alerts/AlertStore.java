package org.rpmsync.alerts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.rpmsync.measurements.Reading;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Alerts ({@code care_alerts}): at most one open alert per client and rule (the unique {@code open_client_id}), which
 * later breaking readings join; {@code care_alert_readings} makes each reading count once per rule.
 */
@Repository
class AlertStore {

    private final JdbcClient jdbc;

    AlertStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Raises the breach as a new open alert or joins the open one; false when the reading had counted already. */
    boolean raise(UUID organization, Reading reading, Breach breach, Instant now) {
        boolean counted = jdbc.sql("select count(*) from care_alert_readings where measurement_id = ? and rule = ?")
                .params(reading.id(), breach.rule().name()).query(Long.class).single() > 0;
        if (counted) {
            return false;
        }
        UUID id = openOrJoin(organization, reading.clientId(), breach, reading.id(), reading.measuredAt(),
                reading.late(), now);
        jdbc.sql("insert into care_alert_readings (measurement_id, rule, alert_id) values (?, ?, ?)")
                .params(reading.id(), breach.rule().name(), id).update();
        return true;
    }

    /**
     * Opens an alert for the breach, or joins the client's open alert of the rule (one more reading, the worse
     * severity, the latest measurement); the alert's id.
     */
    UUID openOrJoin(UUID organization, UUID client, Breach breach, UUID measurement, Instant measuredAt,
                    boolean late, Instant now) {
        UUID id = UUID.randomUUID();
        Timestamp at = Timestamp.from(measuredAt);
        int inserted = jdbc.sql("""
                insert into care_alerts (id, organization_id, client_id, rule, severity, status, opened_at,
                    measurement_id, measured_at, reading_value, late, reading_count, open_client_id)
                values (?, ?, ?, ?, ?, 'open', ?, cast(? as uuid), ?, ?, ?, 1, ?) on conflict do nothing""")
                .params(id, organization, client, breach.rule().name(), breach.severity().name(),
                        Timestamp.from(now), measurement, at, breach.value(), late, client)
                .update();
        if (inserted == 1) {
            return id;
        }
        id = jdbc.sql("select id from care_alerts where organization_id = ? and rule = ? and open_client_id = ? "
                        + "for update")
                .params(organization, breach.rule().name(), client).query(UUID.class).single();
        jdbc.sql("""
                update care_alerts set reading_count = reading_count + 1,
                    severity = case when ? = 'CRITICAL' then 'CRITICAL' else severity end,
                    late = (late or ?),
                    measurement_id = case when measured_at < ? then cast(? as uuid) else measurement_id end,
                    reading_value = case when measured_at < ? then ? else reading_value end,
                    measured_at = case when measured_at < ? then ? else measured_at end
                where id = ?""")
                .params(breach.severity().name(), late, at, measurement, at, breach.value(), at, at, id)
                .update();
        return id;
    }

    Optional<Alert> find(UUID organization, UUID id) {
        return jdbc.sql("select * from care_alerts where organization_id = ? and id = ?").params(organization, id)
                .query(AlertStore::alert).optional();
    }

    boolean acknowledge(UUID organization, UUID id, String by, String note, Integer minutes, Instant at) {
        return jdbc.sql("""
                update care_alerts set status = 'acknowledged', open_client_id = null, acknowledged_at = ?,
                    acknowledged_by = ?, note = ?, minutes = ?
                where organization_id = ? and id = ? and status = 'open'""")
                .params(Timestamp.from(at), by, note, minutes, organization, id).update() == 1;
    }

    /**
     * Alerts of the organization, newest first after the cursor ({@code openedAt}, {@code id}); open ones only,
     * acknowledged ones only, or all; of one client and one severity when given.
     */
    List<Alert> list(UUID organization, String status, UUID client, Severity severity, Instant afterOpenedAt,
                     UUID afterId, int limit) {
        StringBuilder where = new StringBuilder("organization_id = :org");
        if (!"all".equals(status)) {
            where.append(" and status = :status");
        }
        if (client != null) {
            where.append(" and client_id = :client");
        }
        if (severity != null) {
            where.append(" and severity = :severity");
        }
        if (afterOpenedAt != null) {
            where.append(" and (opened_at < :at or (opened_at = :at and id < :id))");
        }
        var sql = jdbc.sql("select * from care_alerts where " + where + " order by opened_at desc, id desc limit :limit")
                .param("org", organization).param("limit", limit);
        if (!"all".equals(status)) {
            sql = sql.param("status", status);
        }
        if (client != null) {
            sql = sql.param("client", client);
        }
        if (severity != null) {
            sql = sql.param("severity", severity.name());
        }
        if (afterOpenedAt != null) {
            sql = sql.param("at", Timestamp.from(afterOpenedAt)).param("id", afterId);
        }
        return new ArrayList<>(sql.query(AlertStore::alert).list());
    }

    /** The organization's open alerts for the worklist: critical first, then newest. */
    List<Alert> worklist(UUID organization, Severity severity, UUID client, int limit) {
        var sql = jdbc.sql("select * from care_alerts where organization_id = :org and status = 'open'"
                        + (severity == null ? "" : " and severity = :severity")
                        + (client == null ? "" : " and client_id = :client")
                        + " order by case when severity = 'CRITICAL' then 0 else 1 end, opened_at desc, id limit :limit")
                .param("org", organization).param("limit", limit);
        if (severity != null) {
            sql = sql.param("severity", severity.name());
        }
        if (client != null) {
            sql = sql.param("client", client);
        }
        return sql.query(AlertStore::alert).list();
    }

    long countOpen(UUID organization) {
        return jdbc.sql("select count(*) from care_alerts where organization_id = ? and status = 'open'")
                .param(organization).query(Long.class).single();
    }

    private static Alert alert(ResultSet rs, int row) throws SQLException {
        Timestamp acknowledged = rs.getTimestamp("acknowledged_at");
        return new Alert(rs.getObject("id", UUID.class), rs.getObject("client_id", UUID.class),
                AlertRule.valueOf(rs.getString("rule")), Severity.valueOf(rs.getString("severity")),
                "open".equals(rs.getString("status")), rs.getTimestamp("opened_at").toInstant(),
                rs.getObject("measurement_id", UUID.class), rs.getTimestamp("measured_at").toInstant(),
                rs.getString("reading_value"), rs.getBoolean("late"), rs.getInt("reading_count"),
                acknowledged == null ? null : acknowledged.toInstant(), rs.getString("acknowledged_by"),
                rs.getString("note"), rs.getObject("minutes", Integer.class));
    }
}
