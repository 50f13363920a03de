package org.rpmsync.alerts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Raises an alert for a condition found on schedule at most once: the condition's row in
 * {@code care_alert_conditions} is claimed first, so a second evaluation (on this instance or another, at the same
 * time or later) finds it taken — the database decides, not a lock between instances.
 */
@Repository
class ScheduledAlerts {

    private final JdbcClient jdbc;
    private final AlertStore alerts;

    ScheduledAlerts(JdbcClient jdbc, AlertStore alerts) {
        this.jdbc = jdbc;
        this.alerts = alerts;
    }

    /**
     * Opens (or joins the open alert of the rule) unless this condition raised already; whether it raised.
     * {@code covered} are conditions this one includes (a critical run includes its warning), claimed with it.
     */
    @Transactional
    public boolean raiseOnce(UUID organization, UUID client, String condition, Breach breach, Instant since,
                             Instant now, String... covered) {
        int claimed = jdbc.sql("""
                insert into care_alert_conditions (client_id, rule, condition_key, organization_id, raised_at)
                values (?, ?, ?, ?, ?) on conflict do nothing""")
                .params(client, breach.rule().name(), condition, organization, Timestamp.from(now)).update();
        if (claimed == 0) {
            return false;
        }
        for (String c : covered) {
            jdbc.sql("""
                    insert into care_alert_conditions (client_id, rule, condition_key, organization_id, raised_at)
                    values (?, ?, ?, ?, ?) on conflict do nothing""")
                    .params(client, breach.rule().name(), c, organization, Timestamp.from(now)).update();
        }
        UUID alert = alerts.openOrJoin(organization, client, breach, null, since, false, now);
        jdbc.sql("update care_alert_conditions set alert_id = ? where client_id = ? and rule = ? and condition_key = ?")
                .params(alert, client, breach.rule().name(), condition).update();
        return true;
    }
}
