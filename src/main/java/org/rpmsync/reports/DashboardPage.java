package org.rpmsync.reports;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rpmsync.adherence.Adherence;
import org.rpmsync.alerts.Alerts;
import org.rpmsync.clients.Client;
import org.rpmsync.clients.ClientDirectory;
import org.rpmsync.clients.DeviceNames;
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
 * devices with their labels, last reading and battery, last sync) and a small card per reading type the client sent
 * recently (vitals, watch data, battery, other readings). Audited.
 */
@Controller
class DashboardPage {

    private final ClientDirectory clients;
    private final MeasurementQueries measurements;
    private final ClientActivities activities;
    private final Adherence adherence;
    private final Alerts alerts;
    private final DeviceNames names;

    DashboardPage(ClientDirectory clients, MeasurementQueries measurements, ClientActivities activities,
                  Adherence adherence, Alerts alerts, DeviceNames names) {
        this.alerts = alerts;
        this.names = names;
        this.clients = clients;
        this.measurements = measurements;
        this.activities = activities;
        this.adherence = adherence;
    }

    record DeviceRow(String deviceId, String label, String lastReading, String lastMeasuredAt, String lastReceivedAt,
                     String battery) {
    }

    record VitalCard(String title, String value, String note, String measuredAt, String slug) {
    }

    record AlertRow(String severity, String rule, String value, String measuredAt, int count, boolean late) {
    }

    /** A reading type gets a card while its newest reading is at most this old. */
    static final Duration RECENT = Duration.ofDays(30);

    @GetMapping("/clients/{id}")
    String dashboard(@AuthenticationPrincipal Actor actor, @PathVariable String id, Model model) {
        Client client = ReportPage.find(clients, actor, id, "dashboard");
        var organization = actor.organizationId();
        var zone = client.timeZone();
        List<DeviceActivity> devices = activities.devices(organization, client.id().value());
        Map<String, String> labels = names.labels(organization, devices.stream().map(DeviceActivity::deviceId).toList());
        List<DeviceRow> deviceRows = devices.stream().map(d -> new DeviceRow(d.deviceId(), labels.get(d.deviceId()),
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

    /** A card per reading type with a reading in the last {@link #RECENT}; watch data as its last day's total. */
    private List<VitalCard> vitals(Actor actor, Client client) {
        List<VitalCard> cards = new ArrayList<>();
        ZoneId zone = client.timeZone();
        Instant since = Instant.now().minus(RECENT);
        for (ReportSection section : ReportSection.vitals()) {
            List<Reading> last = measurements.readings(actor.organizationId(), client.id().value(),
                    new ReadingFilter(section.types(), since, null), 0, 1);
            if (last.isEmpty()) {
                continue;
            }
            Reading r = last.get(0);
            if (section.chart() == ReportSection.Chart.DAILY_BARS) {
                Instant dayStart = r.localTime(zone).toLocalDate().atStartOfDay(zone).toInstant();
                List<Reading> day = measurements.readings(actor.organizationId(), client.id().value(),
                        new ReadingFilter(section.types(), dayStart, dayStart.plus(Duration.ofDays(1))), 0, 500);
                VitalsSection.Row total = VitalsSection.of(section, day, day.size(), List.of(), zone).rows().get(0);
                cards.add(new VitalCard(section.title(), total.value(), total.note(), total.measuredAt(), section.slug()));
            } else {
                VitalsSection.Row row = VitalsSection.of(section, last, 1, List.of(), zone).rows().get(0);
                cards.add(new VitalCard(section.title(), row.value(), row.note(), row.measuredAt(), section.slug()));
            }
        }
        return cards;
    }
}
