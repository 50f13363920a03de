package org.rpmsync.reports;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rpmsync.adherence.Adherence;
import org.rpmsync.adherence.Scorecard;
import org.rpmsync.audit.AuditEntry;
import org.rpmsync.audit.AuditLog;
import org.rpmsync.clients.Client;
import org.rpmsync.clients.ClientDirectory;
import org.rpmsync.measurements.ClientActivity;
import org.rpmsync.measurements.MeasurementQueries;
import org.rpmsync.organization.Actor;
import org.rpmsync.organization.OrganizationId;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The organization overview for practitioners: clients by 7-day adherence (lowest first), clients whose devices
 * went quiet for {@code silentDays}, and clients with late data in the last 7 days. Each list shows at most
 * {@link #ROWS} rows. Audited as one view of the organization.
 */
@Controller
class OverviewPage {

    static final int ROWS = 100;
    static final int MAX_CLIENTS = 100_000;

    private final ClientDirectory clients;
    private final MeasurementQueries measurements;
    private final Adherence adherence;
    private final AuditLog audit;

    OverviewPage(ClientDirectory clients, MeasurementQueries measurements, Adherence adherence, AuditLog audit) {
        this.clients = clients;
        this.measurements = measurements;
        this.adherence = adherence;
        this.audit = audit;
    }

    record Row(UUID id, String name, String detail, Integer percent) {
    }

    @GetMapping("/organization/overview")
    String overview(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "3") int silentDays,
                    Model model) {
        OrganizationId organization = actor.organizationId();
        int days = Math.max(1, Math.min(silentDays, 365));
        Instant now = Instant.now();
        Map<UUID, Client> byId = new HashMap<>();
        clients.search(organization, null, null, 0, MAX_CLIENTS).items()
                .forEach(c -> byId.put(c.id().value(), c));
        Instant silentSince = now.minus(Duration.ofDays(days));
        List<ClientActivity> activity = measurements.activity(organization, silentSince,
                        now.minus(Duration.ofDays(7))).stream()
                .filter(a -> byId.containsKey(a.clientId())).toList();
        Map<UUID, ZoneId> pillboxClients = new HashMap<>();
        activity.stream().filter(a -> a.lastMedicationAt() != null)
                .forEach(a -> pillboxClients.put(a.clientId(), byId.get(a.clientId()).timeZone()));
        Map<UUID, Scorecard> weeks = adherence.lastSevenDays(organization, pillboxClients, now);
        List<Row> byAdherence = weeks.entrySet().stream()
                .map(e -> {
                    Scorecard card = e.getValue();
                    Integer percent = card.percentTaken();
                    String detail = percent == null ? "No doses due yet"
                            : card.percentOnTime() + "% on time, " + percent + "% taken of " + card.due() + " doses";
                    return new Row(e.getKey(), name(byId.get(e.getKey())), detail, percent);
                })
                .sorted(Comparator.comparing((Row r) -> r.percent() == null ? 101 : r.percent())
                        .thenComparing(Row::name))
                .limit(ROWS).toList();
        List<Row> silent = activity.stream().filter(a -> a.lastReceivedAt().isBefore(silentSince))
                .sorted(Comparator.comparing(ClientActivity::lastReceivedAt)).limit(ROWS)
                .map(a -> row(byId, a, "Last data " + TimeLabels.withOffset(a.lastReceivedAt(),
                        byId.get(a.clientId()).timeZone())))
                .toList();
        List<Row> late = activity.stream().filter(a -> a.lateReadings() > 0)
                .sorted(Comparator.comparing(ClientActivity::lateReadings).reversed()).limit(ROWS)
                .map(a -> row(byId, a, a.lateReadings() + " readings synced late"))
                .toList();
        audit.record(AuditEntry.success(organization.value(), actor.auditName(), "OVERVIEW_VIEWED", "organization",
                organization.toString()));
        model.addAttribute("byAdherence", byAdherence);
        model.addAttribute("silent", silent);
        model.addAttribute("late", late);
        model.addAttribute("silentDays", days);
        return "reports/overview";
    }

    private static Row row(Map<UUID, Client> byId, ClientActivity a, String detail) {
        return new Row(a.clientId(), name(byId.get(a.clientId())), detail, null);
    }

    private static String name(Client c) {
        return c.lastName() + ", " + c.firstName();
    }
}
