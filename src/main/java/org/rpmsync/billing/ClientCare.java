package org.rpmsync.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.rpmsync.alerts.Alert;
import org.rpmsync.alerts.Alerts;
import org.rpmsync.clients.Client;
import org.rpmsync.organization.Actor;
import org.rpmsync.organization.OrganizationId;
import org.springframework.stereotype.Service;

/**
 * The care card of a client's Reports: the RPM month (strip, band, codes), its transmission log, and the month's
 * care timeline: acknowledged alerts and care-time entries, newest first, one's own entries editable.
 */
@Service
public class ClientCare {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ENGLISH);
    private final RpmMonths months;
    private final CareTime careTime;
    private final Alerts alerts;

    ClientCare(RpmMonths months, CareTime careTime, Alerts alerts) {
        this.months = months;
        this.careTime = careTime;
        this.alerts = alerts;
    }

    /** One line of the care timeline: an acknowledged alert or a care-time entry (then {@code entry} is set). */
    public record Event(Instant at, String when, String title, String detail, CareTime.Entry entry,
                        boolean editable) {
    }

    public record View(RpmMonth month, String title, List<RpmMonthPage.Cell> cells, String hint,
                       List<TransmissionDay> log, List<Event> timeline, YearMonth previous, YearMonth next,
                       LocalDate today) {
    }

    public View view(OrganizationId organization, Actor actor, Client client, YearMonth month) {
        RpmMonth rpm = months.month(organization, client, month);
        RpmMonthPage.Row row = RpmMonthPage.row(new RpmMonths.Monitored(client, rpm));
        List<Event> timeline = new ArrayList<>();
        for (Alert a : alerts.list(organization, "acknowledged", client.id().value(), null, null, null, 500)) {
            if (a.acknowledgedAt() != null
                    && YearMonth.from(a.acknowledgedAt().atZone(client.timeZone())).equals(month)) {
                timeline.add(new Event(a.acknowledgedAt(), WHEN.format(a.acknowledgedAt().atZone(client.timeZone())),
                        a.severity().code().equals("critical") ? "Critical alert acknowledged: " + a.rule().label()
                                : "Alert acknowledged: " + a.rule().label(),
                        a.value() + " · by " + a.acknowledgedBy() + (a.minutes() == null ? "" : " · " + a.minutes()
                                + " min") + (a.note() == null ? "" : " · " + a.note()), null, false));
            }
        }
        for (CareTime.Entry e : careTime.entries(organization, client.id().value(), month)) {
            timeline.add(new Event(e.at(), e.date() + " (logged " + WHEN.format(e.at().atZone(client.timeZone()))
                    + ")", e.minutes() + " min care time"
                    + (e.alertId() == null ? "" : " (with an alert's acknowledgement)"),
                    "by " + e.by() + (e.note() == null ? "" : " · " + e.note()),
                    e, careTime.changeable(actor, e, client)));
        }
        timeline.sort(Comparator.comparing(Event::at).reversed());
        YearMonth current = YearMonth.now(client.timeZone());
        return new View(rpm, RpmMonthPage.TITLE.format(month), row.cells(), row.hint(),
                months.transmissionLog(organization, client, month), timeline, month.minusMonths(1),
                month.isBefore(current) ? month.plusMonths(1) : null, LocalDate.now(client.timeZone()));
    }
}
