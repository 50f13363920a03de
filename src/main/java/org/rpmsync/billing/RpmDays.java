package org.rpmsync.billing;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.rpmsync.measurements.Reading;
import org.rpmsync.measurements.ReadingType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The days of each client's months that had data ({@code care_rpm_months}, bit sets), set as readings reach their
 * client. A reading's day is its local date in the client's time zone (the device's own offset when it sent one),
 * the same rule as the client's reports. Setting a day twice changes nothing, so replays never count twice.
 */
@Repository
class RpmDays {

    /** Readings that make a day count for RPM: physiologic measurements from a medical device. */
    static final Set<ReadingType> PHYSIOLOGIC = Set.of(ReadingType.BLOOD_PRESSURE, ReadingType.PULSE,
            ReadingType.SPO2, ReadingType.GLUCOSE, ReadingType.WEIGHT, ReadingType.TEMPERATURE,
            ReadingType.PEAK_FLOW);
    private final JdbcClient jdbc;

    RpmDays(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Key(UUID client, YearMonth month) implements Comparable<Key> {
        public int compareTo(Key o) {
            int c = client.compareTo(o.client);
            return c != 0 ? c : month.compareTo(o.month);
        }
    }

    record Bits(int vital, int any) {
        Bits or(Bits o) {
            return new Bits(vital | o.vital, any | o.any);
        }
    }

    static LocalDate day(Reading r, ZoneId zone) {
        return r.localTime(zone).toLocalDate();
    }

    /** The days the readings add, by client and month. */
    static Map<Key, Bits> days(Collection<Reading> readings, Map<UUID, ZoneId> zones) {
        Map<Key, Bits> days = new TreeMap<>();
        for (Reading r : readings) {
            ZoneId zone = zones.get(r.clientId());
            if (zone == null) {
                continue;
            }
            LocalDate date = day(r, zone);
            int bit = 1 << (date.getDayOfMonth() - 1);
            days.merge(new Key(r.clientId(), YearMonth.from(date)),
                    new Bits(PHYSIOLOGIC.contains(r.type()) ? bit : 0, bit), Bits::or);
        }
        return days;
    }

    /** Sets the days (in key order, so that concurrent writers lock rows in the same order). */
    void add(UUID organization, Map<Key, Bits> days) {
        for (Map.Entry<Key, Bits> e : new TreeMap<>(days).entrySet()) {
            Date month = Date.valueOf(e.getKey().month().atDay(1));
            UUID client = e.getKey().client();
            jdbc.sql("insert into care_rpm_months (client_id, month_start, organization_id) values (?, ?, ?) "
                    + "on conflict do nothing").params(client, month, organization).update();
            Bits now = jdbc.sql("select vital_days, any_days from care_rpm_months where client_id = ? "
                            + "and month_start = ? for update").params(client, month)
                    .query((rs, row) -> new Bits(rs.getInt(1), rs.getInt(2))).single();
            Bits next = now.or(e.getValue());
            if (!next.equals(now)) {
                jdbc.sql("update care_rpm_months set vital_days = ?, any_days = ? where client_id = ? "
                                + "and month_start = ?")
                        .params(next.vital(), next.any(), client, month).update();
            }
        }
    }

    /**
     * Sets a client's days counted afresh from all its readings in {@code zone}; when they were counted in another
     * zone before, the old days go first (days are only ever added otherwise, so a reading attributed meanwhile is
     * never lost).
     */
    void replace(UUID organization, UUID client, ZoneId zone, Map<Key, Bits> days, Instant at, boolean zoneChanged) {
        if (zoneChanged) {
            jdbc.sql("delete from care_rpm_months where client_id = ?").param(client).update();
        }
        add(organization, days);
        jdbc.sql("delete from care_rpm_counts where client_id = ?").param(client).update();
        jdbc.sql("insert into care_rpm_counts (client_id, organization_id, time_zone, counted_at) values (?, ?, ?, ?)")
                .params(client, organization, zone.getId(), Timestamp.from(at)).update();
    }

    /** The zone each of the organization's clients was last counted in from all its readings. */
    Map<UUID, String> countedZones(UUID organization) {
        Map<UUID, String> zones = new HashMap<>();
        jdbc.sql("select client_id, time_zone from care_rpm_counts where organization_id = ?").param(organization)
                .query(rs -> {
                    zones.put(rs.getObject(1, UUID.class), rs.getString(2));
                });
        return zones;
    }

    Map<UUID, Bits> month(UUID organization, YearMonth month) {
        Map<UUID, Bits> bits = new HashMap<>();
        jdbc.sql("select client_id, vital_days, any_days from care_rpm_months where organization_id = ? "
                        + "and month_start = ?")
                .params(organization, Date.valueOf(month.atDay(1)))
                .query(rs -> {
                    bits.put(rs.getObject(1, UUID.class), new Bits(rs.getInt(2), rs.getInt(3)));
                });
        return bits;
    }

    Bits month(UUID organization, UUID client, YearMonth month) {
        return jdbc.sql("select vital_days, any_days from care_rpm_months where organization_id = ? and client_id = ? "
                        + "and month_start = ?").params(organization, client, Date.valueOf(month.atDay(1)))
                .query((rs, row) -> new Bits(rs.getInt(1), rs.getInt(2))).optional().orElse(new Bits(0, 0));
    }
}
