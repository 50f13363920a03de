package org.rpmsync.billing;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.rpmsync.measurements.Reading;
import org.rpmsync.measurements.ReadingType;
import org.springframework.jdbc.core.JdbcTemplate;
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
    private final JdbcTemplate batch;

    RpmDays(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
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

    /**
     * Sets the days: the missing rows inserted in key order, then all of them locked in the database's order of the
     * key and read with one statement, then the changed ones updated, so that concurrent writers (each inserting
     * before it locks) never wait for each other in a circle.
     */
    void add(UUID organization, Map<Key, Bits> days) {
        if (days.isEmpty()) {
            return;
        }
        List<Object[]> keys = new ArrayList<>();
        new TreeMap<>(days).keySet().forEach(k -> keys.add(new Object[] {k.client(), monthStart(k), organization}));
        batch.batchUpdate("insert into care_rpm_months (client_id, month_start, organization_id) values (?, ?, ?) "
                + "on conflict do nothing", keys);
        Map<Key, Bits> stored = new HashMap<>();
        jdbc.sql("select client_id, month_start, vital_days, any_days from care_rpm_months "
                        + "where (client_id, month_start) in (" + String.join(", ", Collections.nCopies(keys.size(),
                        "(?, ?)")) + ") order by client_id, month_start for update")
                .params(keys.stream().flatMap(k -> Stream.of(k[0], k[1])).toList())
                .query(rs -> {
                    Key key = new Key(rs.getObject(1, UUID.class), YearMonth.from(rs.getDate(2).toLocalDate()));
                    stored.put(key, new Bits(rs.getInt(3), rs.getInt(4)));
                });
        List<Object[]> changed = new ArrayList<>();
        new TreeMap<>(days).forEach((key, bits) -> {
            Bits next = stored.get(key).or(bits);
            if (!next.equals(stored.get(key))) {
                changed.add(new Object[] {next.vital(), next.any(), key.client(), monthStart(key)});
            }
        });
        batch.batchUpdate("update care_rpm_months set vital_days = ?, any_days = ? where client_id = ? "
                + "and month_start = ?", changed);
    }

    private static Date monthStart(Key key) {
        return Date.valueOf(key.month().atDay(1));
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
