package org.rpmsync.reports;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.rpmsync.adherence.WeekScore;
import org.rpmsync.adherence.WeekScores;
import org.rpmsync.adherence.WeeklyAdherence;
import org.rpmsync.audit.AuditEntry;
import org.rpmsync.audit.AuditLog;
import org.rpmsync.clients.Client;
import org.rpmsync.clients.ClientDirectory;
import org.rpmsync.measurements.ClientActivities;
import org.rpmsync.measurements.ClientActivity;
import org.rpmsync.measurements.LateData;
import org.rpmsync.measurements.UnmatchedReadings;
import org.rpmsync.organization.Actor;
import org.rpmsync.organization.OrganizationId;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The organization overview for practitioners: clients by 7-day adherence (lowest first), clients whose devices
 * went quiet for {@code silentDays}, clients with late data in the last 7 days, and how much data matches no client
 * yet. Each list shows at most
 * {@link #ROWS} rows. Reads kept summaries (scores, client activity), never the organization's readings. Audited as
 * one view of the organization.
 */
@Controller
class OverviewPage {

    static final int ROWS = 100;

    private final ClientDirectory clients;
    private final ClientActivities activities;
    private final WeeklyAdherence adherence;
    private final UnmatchedReadings unmatched;
    private final AuditLog audit;

    OverviewPage(ClientDirectory clients, ClientActivities activities, WeeklyAdherence adherence,
                 UnmatchedReadings unmatched, AuditLog audit) {
        this.clients = clients;
        this.activities = activities;
        this.adherence = adherence;
        this.unmatched = unmatched;
        this.audit = audit;
    }

    record Row(UUID id, String name, String detail) {
    }

    @GetMapping("/organization/overview")
    String overview(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "3") int silentDays,
                    Model model) {
        OrganizationId organization = actor.organizationId();
        int days = Math.max(1, Math.min(silentDays, 365));
        Instant now = Instant.now();
        WeekScores scores = adherence.lowest(organization, ROWS, now);
        List<ClientActivity> quiet = activities.quietSince(organization, now.minus(Duration.ofDays(days)), ROWS);
        List<LateData> late = activities.lateSince(organization, now.minus(Duration.ofDays(7)), ROWS);
        Set<UUID> shown = new HashSet<>();
        scores.lowest().forEach(s -> shown.add(s.clientId()));
        quiet.forEach(a -> shown.add(a.clientId()));
        late.forEach(l -> shown.add(l.clientId()));
        Map<UUID, Client> byId = clients.findAll(organization, shown);
        audit.record(AuditEntry.success(organization.value(), actor.auditName(), "OVERVIEW_VIEWED", "organization",
                organization.toString()));
        model.addAttribute("byAdherence", scores.lowest().stream().filter(s -> byId.containsKey(s.clientId()))
                .map(s -> new Row(s.clientId(), name(byId, s.clientId()), detail(s))).toList());
        model.addAttribute("pillboxClients", scores.clients());
        model.addAttribute("updating", scores.updating());
        model.addAttribute("silent", quiet.stream().filter(a -> byId.containsKey(a.clientId()))
                .map(a -> new Row(a.clientId(), name(byId, a.clientId()), "Last data " + TimeLabels.withOffset(
                        a.lastReceivedAt(), byId.get(a.clientId()).timeZone()))).toList());
        model.addAttribute("late", late.stream().filter(l -> byId.containsKey(l.clientId()))
                .map(l -> new Row(l.clientId(), name(byId, l.clientId()), l.readings() + " readings synced late"))
                .toList());
        long[] unmatchedData = unmatched.summary(organization);
        model.addAttribute("unmatchedReadings", unmatchedData[0]);
        model.addAttribute("unmatchedDevices", unmatchedData[1]);
        model.addAttribute("silentDays", days);
        model.addAttribute("rows", ROWS);
        return "reports/overview";
    }

    private static String detail(WeekScore s) {
        if (!s.calculated()) {
            return "Being calculated";
        }
        if (s.percentTaken() == null) {
            return "No doses due yet";
        }
        return s.percentOnTime() + "% on time, " + s.percentTaken() + "% taken of " + s.due() + " doses";
    }

    private static String name(Map<UUID, Client> byId, UUID id) {
        Client c = byId.get(id);
        return c.lastName() + ", " + c.firstName();
    }
}
