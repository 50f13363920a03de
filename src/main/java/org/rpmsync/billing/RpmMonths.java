package org.rpmsync.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.rpmsync.clients.Client;
import org.rpmsync.clients.ClientDirectory;
import org.rpmsync.clients.DeviceAssignments;
import org.rpmsync.measurements.MeasurementQueries;
import org.rpmsync.measurements.Reading;
import org.rpmsync.measurements.ReadingFilter;
import org.rpmsync.organization.ClinicTime;
import org.rpmsync.organization.OrganizationId;
import org.springframework.stereotype.Service;

/**
 * RPM months (spec §7): per client and calendar month in the client's time zone, the days with physiologic data
 * and any data (kept by {@link RpmDays} as readings arrive) and the care minutes; the organization's month lists
 * every monitored client: those with data or care time in the month and, for the clinic's current month, those
 * holding a mapped device now.
 */
@Service
public class RpmMonths {

    private final RpmDays days;
    private final CareTime careTime;
    private final ClientDirectory clients;
    private final DeviceAssignments assignments;
    private final MeasurementQueries measurements;
    private final ClinicTime clinicTime;

    RpmMonths(RpmDays days, CareTime careTime, ClientDirectory clients, DeviceAssignments assignments,
              MeasurementQueries measurements, ClinicTime clinicTime) {
        this.clinicTime = clinicTime;
        this.days = days;
        this.careTime = careTime;
        this.clients = clients;
        this.assignments = assignments;
        this.measurements = measurements;
    }

    /** A client of the organization's month with its name, for the month page. */
    public record Monitored(Client client, RpmMonth month) {
    }

    public RpmMonth month(OrganizationId organization, Client client, YearMonth month) {
        RpmDays.Bits bits = days.month(organization.value(), client.id().value(), month);
        int minutes = careTime.minutes(organization.value(), client.id().value(), month);
        return new RpmMonth(client.id().value(), month, client.timeZone(), bits.vital(), bits.any(), minutes);
    }

    /** Every monitored client's month, in no particular order. */
    public List<Monitored> organization(OrganizationId organization, YearMonth month) {
        Map<UUID, RpmDays.Bits> bits = days.month(organization.value(), month);
        Map<UUID, Integer> minutes = careTime.minutes(organization.value(), month);
        Set<UUID> ids = new HashSet<>(bits.keySet());
        ids.addAll(minutes.keySet());
        if (YearMonth.now(clinicTime.zone(organization)).equals(month)) {
            assignments.mapped(organization, "tenovi").forEach(a -> ids.add(a.clientId().value()));
        }
        List<UUID> all = new ArrayList<>(ids);
        Map<UUID, Client> byId = new HashMap<>();
        for (int from = 0; from < all.size(); from += 5_000) {
            byId.putAll(clients.findAll(organization, all.subList(from, Math.min(all.size(), from + 5_000))));
        }
        List<Monitored> months = new ArrayList<>(byId.size());
        RpmDays.Bits none = new RpmDays.Bits(0, 0);
        for (Client c : byId.values()) {
            RpmDays.Bits b = bits.getOrDefault(c.id().value(), none);
            months.add(new Monitored(c, new RpmMonth(c.id().value(), month, c.timeZone(), b.vital(), b.any(),
                    minutes.getOrDefault(c.id().value(), 0))));
        }
        return months;
    }

    /** The month's transmission log: each local day with data, its first reading and first physiologic one. */
    public List<TransmissionDay> transmissionLog(OrganizationId organization, Client client, YearMonth month) {
        ZoneId zone = client.timeZone();
        Instant from = month.atDay(1).minusDays(1).atStartOfDay(zone).toInstant();
        Instant to = month.plusMonths(1).atDay(2).atStartOfDay(zone).toInstant();
        ReadingFilter filter = new ReadingFilter(Set.of(), from, to);
        Map<LocalDate, TransmissionDay> log = new TreeMap<>();
        Instant cursorAt = null;
        UUID cursorId = null;
        while (true) {
            List<Reading> page = measurements.readingsAfter(organization, client.id().value(), filter, cursorAt,
                    cursorId, 2_000);
            for (Reading r : page) {
                LocalDate date = RpmDays.day(r, zone);
                if (YearMonth.from(date).equals(month)) {
                    log.put(date, earlier(log.get(date), date, r, r.localTime(zone)));
                }
            }
            if (page.size() < 2_000) {
                return new ArrayList<>(log.values());
            }
            cursorAt = page.get(page.size() - 1).measuredAt();
            cursorId = page.get(page.size() - 1).id();
        }
    }

    private static TransmissionDay earlier(TransmissionDay day, LocalDate date, Reading r, ZonedDateTime at) {
        boolean vital = RpmDays.PHYSIOLOGIC.contains(r.type());
        if (day == null) {
            return new TransmissionDay(date, at, r.type().label(), r.deviceId(), vital ? at : null,
                    vital ? r.type().label() : null, vital ? r.deviceId() : null, 1);
        }
        boolean first = !at.toInstant().isAfter(day.firstAt().toInstant());
        boolean firstVital = vital && (day.firstVitalAt() == null
                || !at.toInstant().isAfter(day.firstVitalAt().toInstant()));
        return new TransmissionDay(date, first ? at : day.firstAt(), first ? r.type().label() : day.firstType(),
                first ? r.deviceId() : day.firstDevice(), firstVital ? at : day.firstVitalAt(),
                firstVital ? r.type().label() : day.firstVitalType(),
                firstVital ? r.deviceId() : day.firstVitalDevice(), day.readings() + 1);
    }
}
