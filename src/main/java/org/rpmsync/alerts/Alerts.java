package org.rpmsync.alerts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.rpmsync.audit.AuditEntry;
import org.rpmsync.audit.AuditLog;
import org.rpmsync.clients.Client;
import org.rpmsync.organization.Actor;
import org.rpmsync.organization.OrganizationId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The care team's alerts and rules: the worklist, acknowledging (with a note and minutes, announced as
 * {@link AlertAcknowledged}: the minutes count as care time of the client's local day) and the thresholds of an
 * organization and of one client. Changes are audited.
 */
@Service
public class Alerts {

    private final AlertStore alerts;
    private final RuleStore rules;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;

    Alerts(AlertStore alerts, RuleStore rules, ApplicationEventPublisher events, AuditLog audit) {
        this.alerts = alerts;
        this.rules = rules;
        this.events = events;
        this.audit = audit;
    }

    public List<Alert> worklist(OrganizationId organization, Severity severity, UUID client, int limit) {
        return alerts.worklist(organization.value(), severity, client, limit);
    }

    public long openCount(OrganizationId organization) {
        return alerts.countOpen(organization.value());
    }

    public List<Alert> list(OrganizationId organization, String status, UUID client, Severity severity,
                            Instant afterOpenedAt, UUID afterId, int limit) {
        return alerts.list(organization.value(), status, client, severity, afterOpenedAt, afterId, limit);
    }

    public Optional<Alert> find(OrganizationId organization, UUID id) {
        return alerts.find(organization.value(), id);
    }

    /** Acknowledges an open alert; empty when it is not the organization's or not open any more. */
    @Transactional
    public Optional<Alert> acknowledge(OrganizationId organization, Actor actor, Alert alert, Client client,
                                       String note, Integer minutes) {
        Instant now = Instant.now();
        if (!alerts.acknowledge(organization.value(), alert.id(), actor.auditName(), note, minutes, now)) {
            return Optional.empty();
        }
        events.publishEvent(new AlertAcknowledged(organization, actor, client, alert.id(),
                LocalDate.ofInstant(now, client.timeZone()), note, minutes));
        audit.record(AuditEntry.success(organization.value(), actor.auditName(), "ALERT_ACKNOWLEDGED", "client",
                client.id().toString()).withDetail(alert.rule().code() + (minutes == null ? "" : ", " + minutes
                + " min")));
        return alerts.find(organization.value(), alert.id());
    }

    /** The rules of the organization (client null) or the client's own; empty when it has none of its own. */
    public Optional<AlertRules> rules(OrganizationId organization, UUID client) {
        return rules.find(organization.value(), client);
    }

    public AlertRules effectiveRules(OrganizationId organization, UUID client) {
        return rules.effective(organization.value(), client);
    }

    @Transactional
    public void saveRules(OrganizationId organization, Actor actor, UUID client, AlertRules changed) {
        rules.save(organization.value(), client, changed, actor.auditName());
        audit.record(AuditEntry.success(organization.value(), actor.auditName(), "ALERT_RULES_CHANGED",
                client == null ? "organization" : "client", client == null ? organization.toString()
                        : client.toString()));
    }

    @Transactional
    public boolean resetRules(OrganizationId organization, Actor actor, UUID client) {
        boolean had = rules.delete(organization.value(), client);
        audit.record(AuditEntry.success(organization.value(), actor.auditName(), "ALERT_RULES_RESET", "client",
                client.toString()));
        return had;
    }
}
