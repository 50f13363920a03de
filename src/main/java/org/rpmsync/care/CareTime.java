package org.rpmsync.care;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.rpmsync.audit.AuditEntry;
import org.rpmsync.audit.AuditLog;
import org.rpmsync.clients.Client;
import org.rpmsync.organization.Actor;
import org.rpmsync.organization.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Minutes staff spent on a client's care, on one of the client's local days (0–240 an entry); audited. */
@Service
public class CareTime {

    public static final int MAX_MINUTES = 240;
    private final JdbcClient jdbc;
    private final AuditLog audit;

    CareTime(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public record Entry(UUID id, UUID clientId, LocalDate date, int minutes, String note, UUID alertId, String by,
                        Instant at) {
    }

    public Entry log(OrganizationId organization, Actor actor, Client client, LocalDate date, int minutes,
                     String note, UUID alertId) {
        if (minutes < 0 || minutes > MAX_MINUTES) {
            throw new IllegalArgumentException("minutes must be 0 to " + MAX_MINUTES);
        }
        Entry entry = new Entry(UUID.randomUUID(), client.id().value(), date, minutes, note, alertId,
                actor.auditName(), Instant.now());
        jdbc.sql("""
                insert into care_time_entries (id, organization_id, client_id, local_date, minutes, note, alert_id,
                    logged_by, logged_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(entry.id(), organization.value(), entry.clientId(), Date.valueOf(date), minutes, note, alertId,
                        entry.by(), Timestamp.from(entry.at()))
                .update();
        audit.record(AuditEntry.success(organization.value(), actor.auditName(), "CARE_TIME_LOGGED", "client",
                client.id().toString()).withDetail(minutes + " min on " + date));
        return entry;
    }
}
