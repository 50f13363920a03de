package org.rpmsync.alerts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.rpmsync.adherence.Adherence;
import org.rpmsync.adherence.Slot;
import org.rpmsync.adherence.SlotStatus;
import org.rpmsync.clients.Assignment;
import org.rpmsync.clients.Client;
import org.rpmsync.clients.ClientDirectory;
import org.rpmsync.clients.DeviceAssignments;
import org.rpmsync.measurements.ClientActivities;
import org.rpmsync.organization.Organization;
import org.rpmsync.organization.OrganizationDirectory;
import org.rpmsync.organization.OrganizationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The rules no single reading breaks, evaluated on schedule in each client's time zone: {@code missed_doses} (the
 * latest due PillBox doses missed in a row) and {@code no_data} (a mapped device without a reading on the last
 * {@code days} full local days). Each condition raises once ({@link ScheduledAlerts}); a run that grows from the
 * warning to the critical count raises again, critical, joining the open alert.
 */
@Service
class ScheduledRules {

    private static final Logger log = LoggerFactory.getLogger(ScheduledRules.class);
    private final DeviceAssignments assignments;
    private final ClientDirectory clients;
    private final Adherence adherence;
    private final ClientActivities activities;
    private final DeviceSilence silence;
    private final RuleStore rules;
    private final ScheduledAlerts alerts;
    private final OrganizationDirectory organizations;

    ScheduledRules(DeviceAssignments assignments, ClientDirectory clients, Adherence adherence,
                   ClientActivities activities, DeviceSilence silence, RuleStore rules, ScheduledAlerts alerts,
                   OrganizationDirectory organizations) {
        this.organizations = organizations;
        this.assignments = assignments;
        this.clients = clients;
        this.adherence = adherence;
        this.activities = activities;
        this.silence = silence;
        this.rules = rules;
        this.alerts = alerts;
    }

    /**
     * Every {@code rpmsync.care.evaluate-every} (15 min), once across instances (cluster.RunOnce; the lock keeps
     * its name from before the split); a condition raises once in the database as well, so even two overlapping
     * runs raise one alert.
     */
    @Scheduled(initialDelayString = "${rpmsync.care.evaluate-every:15m}",
            fixedDelayString = "${rpmsync.care.evaluate-every:15m}")
    @SchedulerLock(name = "care.evaluate-scheduled-rules", lockAtLeastFor = "${rpmsync.care.evaluate-every:15m}",
            lockAtMostFor = "${rpmsync.care.evaluate-every:15m}")
    void evaluateOnSchedule() {
        int raised = evaluateAll(Instant.now());
        if (raised > 0) {
            log.info("Scheduled rules raised {} alerts", raised);
        }
    }

    /** Evaluates every organization; how many alerts were raised. */
    int evaluateAll(Instant now) {
        int raised = 0;
        for (Organization o : organizations.all()) {
            raised += evaluate(o.id(), now);
        }
        return raised;
    }

    /** Evaluates the organization's clients that hold a mapped device now; how many alerts were raised. */
    int evaluate(OrganizationId organization, Instant now) {
        List<Assignment> mapped = assignments.mapped(organization, "tenovi");
        Map<UUID, List<Assignment>> byClient = new HashMap<>();
        mapped.forEach(a -> byClient.computeIfAbsent(a.clientId().value(), c -> new ArrayList<>()).add(a));
        Map<UUID, Client> found = clients.findAll(organization, byClient.keySet());
        Map<DeviceSilence.Device, Instant> seen = silence.lastMeasured(organization.value());
        int raised = 0;
        for (Map.Entry<UUID, List<Assignment>> e : byClient.entrySet()) {
            Client client = found.get(e.getKey());
            if (client == null) {
                continue;
            }
            AlertRules applying = rules.effective(organization.value(), e.getKey());
            if (applying.noData().enabled()) {
                for (Assignment a : e.getValue()) {
                    raised += noData(organization, client, a, seen, applying.noData().days(), now) ? 1 : 0;
                }
            }
            if (applying.missedDoses().enabled() && e.getValue().stream().anyMatch(Assignment::pillBox)) {
                raised += missedDoses(organization, client, applying.missedDoses(), now);
            }
        }
        return raised;
    }

    private boolean noData(OrganizationId organization, Client client, Assignment a,
                           Map<DeviceSilence.Device, Instant> seen, int days, Instant now) {
        DeviceSilence.Device device = new DeviceSilence.Device(client.id().value(), a.deviceId());
        Instant last = seen.get(device);
        if (last == null) {
            last = activities.devices(organization, client.id().value()).stream()
                    .filter(d -> d.deviceId().equals(a.deviceId())).map(d -> d.lastMeasuredAt()).findFirst()
                    .orElse(null);
            if (last != null) {
                silence.seen(organization.value(), device, last);
            }
        }
        Instant since = last == null || last.isBefore(a.assignedAt()) ? a.assignedAt() : last;
        ZoneId zone = client.timeZone();
        LocalDate quietFrom = LocalDate.ofInstant(since, zone).plusDays(1);
        LocalDate today = LocalDate.ofInstant(now, zone);
        if (today.isBefore(quietFrom.plusDays(days))) {
            return false;
        }
        String value = "No data from " + a.label() + " since " + LocalDate.ofInstant(since, zone);
        return alerts.raiseOnce(organization.value(), client.id().value(), a.deviceId() + "@" + since,
                new Breach(AlertRule.NO_DATA, Severity.WARNING, value), since, now);
    }

    private int missedDoses(OrganizationId organization, Client client, AlertRules.MissedDoses rule, Instant now) {
        List<Slot> due = adherence.lastSevenDays(organization, client, now).slots().stream()
                .filter(s -> s.status().due()).toList();
        List<Slot> run = new ArrayList<>();
        for (int i = due.size() - 1; i >= 0 && due.get(i).status() == SlotStatus.MISSED && !due.get(i).excused(); i--) {
            run.add(0, due.get(i));
        }
        if (run.size() < rule.warning()) {
            return 0;
        }
        Severity severity = run.size() >= rule.critical() ? Severity.CRITICAL : Severity.WARNING;
        Slot first = run.get(0);
        Slot last = run.get(run.size() - 1);
        String value = run.size() + " doses missed in a row (" + first.date() + " " + first.period() + " – "
                + last.date() + " " + last.period() + ")";
        Instant since = last.date().atStartOfDay(client.timeZone()).toInstant();
        String run0 = first.date() + " " + first.period() + ":";
        boolean raised = severity == Severity.CRITICAL
                ? alerts.raiseOnce(organization.value(), client.id().value(), run0 + severity.name(),
                        new Breach(AlertRule.MISSED_DOSES, severity, value), since, now, run0 + Severity.WARNING.name())
                : alerts.raiseOnce(organization.value(), client.id().value(), run0 + severity.name(),
                        new Breach(AlertRule.MISSED_DOSES, severity, value), since, now);
        return raised ? 1 : 0;
    }
}
