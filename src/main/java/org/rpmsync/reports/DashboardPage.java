package org.rpmsync.reports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.rpmsync.adherence.Adherence;
import org.rpmsync.care.Alerts;
import org.rpmsync.clients.Client;
import org.rpmsync.clients.ClientDirectory;
import org.rpmsync.measurements.ClientActivities;
import org.rpmsync.measurements.DeviceActivity;
import org.rpmsync.measurements.MeasurementQueries;
import org.rpmsync.measurements.Reading;
import org.rpmsync.measurements.ReadingFilter;
import org.rpmsync.measurements.ReadingType;
import org.rpmsync.organization.Actor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Client › Dashboard (the profile's default tab): the Medication Device Data card (last openings, 7-day adherence,
 * devices with last reading and battery, last sync) and a small card per vital the client has. Audited.
 */
@Controller
class DashboardPage {

    private final ClientDirectory clients;
    private final MeasurementQueries measurements;
    private final ClientActivities activities;
    private final Adherence adherence;
    private final Alerts alerts;

    DashboardPage(ClientDirectory clients, MeasurementQueries measurements, ClientActivities activities,
                  Adherence adherence, Alerts alerts) {
        this.alerts = alerts;
        this.clients = clients;
        this.measurements = measurements;
        this.activities = activities;
        this.adherence = adherence;
    }

    record DeviceRow(String deviceId, String lastReading, String lastMeasuredAt, String lastReceivedAt,
                     String battery) {
    }

    record VitalCard(String title, String value, String measuredAt, String slug) {
    }

    record AlertRow(String severity, String rule, String value, String measuredAt, int count, boolean late) {
    }

    @GetMapping("/clients/{id}")
    String dashboard(@AuthenticationPrincipal Actor actor, @PathVariable String id, Model model) {
        Client client = ReportPage.find(clients, actor, id, "dashboard");
        var organization = actor.organizationId();
        var zone = client.timeZone();
        List<DeviceActivity> devices = activities.devices(organization, client.id().value());
        List<DeviceRow> deviceRows = devices.stream().map(d -> new DeviceRow(d.deviceId(),
                d.lastType() == null ? "" : ReadingType.valueOf(d.lastType()).label(),
                TimeLabels.withOffset(d.lastMeasuredAt(), zone), TimeLabels.withOffset(d.lastReceivedAt(), zone),
                d.battery() == null ? "—" : VitalsSection.plain(d.battery()) + "%")).toList();
        Instant lastSync = devices.stream().map(DeviceActivity::lastReceivedAt).max(Instant::compareTo).orElse(null);
        List<MedicationRow> openings = measurements.readings(organization, client.id().value(),
                        new ReadingFilter(ReportSection.MEDICATION.types(), null, null), 0, 5).stream()
                .map(r -> MedicationRow.of(r, zone)).toList();
        model.addAttribute("client", client);
        model.addAttribute("alerts", alerts.worklist(organization, null, client.id().value(), 20).stream()
                .map(a -> new AlertRow(a.severity().code(), a.rule().label(), a.value(),
                        TimeLabels.withOffset(a.measuredAt(), zone), a.count(), a.late())).toList());
        model.addAttribute("devices", deviceRows);
        model.addAttribute("lastSync", lastSync == null ? null : TimeLabels.withOffset(lastSync, zone));
        model.addAttribute("openings", openings);
        model.addAttribute("week", adherence.lastSevenDays(organization, client, Instant.now()));
        model.addAttribute("vitals", vitals(actor, client));
        return "reports/dashboard";
    }

    private List<VitalCard> vitals(Actor actor, Client client) {
        List<VitalCard> cards = new ArrayList<>();
        for (ReportSection section : ReportSection.vitals()) {
            List<Reading> last = measurements.readings(actor.organizationId(), client.id().value(),
                    new ReadingFilter(section.types(), null, null), 0, 1);
            if (!last.isEmpty()) {
                Reading r = last.get(0);
                cards.add(new VitalCard(section.title(), VitalsSection.value(r),
                        TimeLabels.withOffset(r.localTime(client.timeZone())), section.slug()));
            }
        }
        return cards;
    }
}
