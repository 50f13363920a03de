package org.rpmsync.billing;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.rpmsync.alerts.AlertAcknowledged;
import org.rpmsync.alerts.CareNote;
import org.rpmsync.audit.AuditEntry;
import org.rpmsync.audit.AuditLog;
import org.rpmsync.clients.Client;
import org.rpmsync.organization.Actor;
import org.rpmsync.organization.OrganizationId;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Minutes staff spent on a client's care, on one of the client's local days (0–240 an entry, {@link CareNote}),
 * logged by hand or with an alert's acknowledgement; audited. Who logged an entry may correct or delete it while its
 * month is the client's current month; closed months stay as billed.
 */
@Service
public class CareTime {

    private final JdbcClient jdbc;
    private final AuditLog audit;

    CareTime(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public record Entry(UUID id, UUID clientId, LocalDate date, int minutes, String note, UUID alertId, String by,
                        Instant at) {
    }

    /** Why an entry cannot be changed: {@code code} is the API's, the message the page's. */
    public static class Refused extends RuntimeException {
        private final String code;

        Refused(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    public Entry log(OrganizationId organization, Actor actor, Client client, LocalDate date, int minutes,
                     String note, UUID alertId) {
        check(minutes);
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

    /** Minutes given with an acknowledgement are care time of that day, in the acknowledgement's transaction. */
    @EventListener
    void acknowledged(AlertAcknowledged acknowledged) {
        if (acknowledged.minutes() != null && acknowledged.minutes() > 0) {
            log(acknowledged.organization(), acknowledged.actor(), acknowledged.client(), acknowledged.date(),
                    acknowledged.minutes(), acknowledged.note(), acknowledged.alertId());
        }
    }

    /** Changes the minutes and note of one's own entry of the client's current month. */
    @Transactional
    public Entry update(OrganizationId organization, Actor actor, Client client, Entry entry, int minutes,
                        String note) {
        check(minutes);
        changeable(actor, client, entry);
        jdbc.sql("update care_time_entries set minutes = ?, note = ?, updated_at = ?, updated_by = ? "
                        + "where organization_id = ? and id = ?")
                .params(minutes, note, Timestamp.from(Instant.now()), actor.auditName(), organization.value(),
                        entry.id()).update();
        audit.record(AuditEntry.success(organization.value(), actor.auditName(), "CARE_TIME_CHANGED", "client",
                client.id().toString()).withDetail(entry.minutes() + " → " + minutes + " min on " + entry.date()));
        return new Entry(entry.id(), entry.clientId(), entry.date(), minutes, note, entry.alertId(), entry.by(),
                entry.at());
    }

    @Transactional
    public void delete(OrganizationId organization, Actor actor, Client client, Entry entry) {
        changeable(actor, client, entry);
        jdbc.sql("delete from care_time_entries where organization_id = ? and id = ?")
                .params(organization.value(), entry.id()).update();
        audit.record(AuditEntry.success(organization.value(), actor.auditName(), "CARE_TIME_DELETED", "client",
                client.id().toString()).withDetail(entry.minutes() + " min on " + entry.date()));
    }

    public Optional<Entry> find(OrganizationId organization, UUID client, UUID id) {
        return jdbc.sql("select * from care_time_entries where organization_id = ? and client_id = ? and id = ?")
                .params(organization.value(), client, id).query(CareTime::entry).optional();
    }

    /** The client's entries of the month, newest day first. */
    public List<Entry> entries(OrganizationId organization, UUID client, YearMonth month) {
        return jdbc.sql("select * from care_time_entries where organization_id = ? and client_id = ? "
                        + "and local_date between ? and ? order by local_date desc, logged_at desc")
                .params(organization.value(), client, Date.valueOf(month.atDay(1)), Date.valueOf(month.atEndOfMonth()))
                .query(CareTime::entry).list();
    }

    /** Whether the actor may still change the entry: it is theirs and of the client's current month. */
    public boolean changeable(Actor actor, Entry entry, Client client) {
        return entry.by().equals(actor.auditName())
                && YearMonth.from(entry.date()).equals(YearMonth.now(client.timeZone()));
    }

    /** Minutes logged on the month's days, by client (clients without any are left out). */
    Map<UUID, Integer> minutes(UUID organization, YearMonth month) {
        Map<UUID, Integer> minutes = new HashMap<>();
        jdbc.sql("select client_id, sum(minutes) from care_time_entries where organization_id = ? "
                        + "and local_date between ? and ? group by client_id")
                .params(organization, Date.valueOf(month.atDay(1)), Date.valueOf(month.atEndOfMonth()))
                .query(rs -> {
                    minutes.put(rs.getObject(1, UUID.class), rs.getInt(2));
                });
        return minutes;
    }

    int minutes(UUID organization, UUID client, YearMonth month) {
        return jdbc.sql("select coalesce(sum(minutes), 0) from care_time_entries where organization_id = ? "
                        + "and client_id = ? and local_date between ? and ?")
                .params(organization, client, Date.valueOf(month.atDay(1)), Date.valueOf(month.atEndOfMonth()))
                .query(Integer.class).single();
    }

    private void changeable(Actor actor, Client client, Entry entry) {
        if (!entry.by().equals(actor.auditName())) {
            throw new Refused("not_your_entry", "Only who logged this entry can change it.");
        }
        if (!YearMonth.from(entry.date()).equals(YearMonth.now(client.timeZone()))) {
            throw new Refused("month_closed", "Entries of a past month cannot be changed any more.");
        }
    }

    private static void check(int minutes) {
        if (minutes < 0 || minutes > CareNote.MAX_MINUTES) {
            throw new IllegalArgumentException("minutes must be 0 to " + CareNote.MAX_MINUTES);
        }
    }

    private static Entry entry(ResultSet rs, int row) throws SQLException {
        return new Entry(rs.getObject("id", UUID.class), rs.getObject("client_id", UUID.class),
                rs.getDate("local_date").toLocalDate(), rs.getInt("minutes"), rs.getString("note"),
                rs.getObject("alert_id", UUID.class), rs.getString("logged_by"),
                rs.getTimestamp("logged_at").toInstant());
    }
}
