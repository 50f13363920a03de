package org.rpmsync.alerts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.rpmsync.measurements.Reading;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** When each of a client's devices last measured something ({@code care_device_seen}), for the no_data rule. */
@Repository
class DeviceSilence {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    DeviceSilence(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    record Device(UUID client, String deviceId) implements Comparable<Device> {
        public int compareTo(Device o) {
            int c = client.compareTo(o.client);
            return c != 0 ? c : deviceId.compareTo(o.deviceId);
        }
    }

    /**
     * Moves each device's last measurement forward to the newest of the readings: one batch of inserts, then one of
     * updates for the devices already seen, both in device order (locks).
     */
    void seen(UUID organization, Collection<Reading> readings) {
        Map<Device, Instant> newest = new TreeMap<>();
        for (Reading r : readings) {
            newest.merge(new Device(r.clientId(), r.deviceId()), r.measuredAt(), (a, b) -> a.isAfter(b) ? a : b);
        }
        List<Object[]> rows = new ArrayList<>();
        newest.forEach((d, at) -> rows.add(new Object[] {d.client(), d.deviceId(), organization, Timestamp.from(at)}));
        int[] inserted = batch.batchUpdate("insert into care_device_seen (client_id, device_id, organization_id, "
                + "last_measured_at) values (?, ?, ?, ?) on conflict do nothing", rows);
        List<Object[]> known = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (inserted[i] == 0) {
                known.add(new Object[] {rows.get(i)[3], rows.get(i)[0], rows.get(i)[1], rows.get(i)[3]});
            }
        }
        batch.batchUpdate("update care_device_seen set last_measured_at = ? where client_id = ? and device_id = ? "
                + "and last_measured_at < ?", known);
    }

    void seen(UUID organization, Device d, Instant at) {
        Timestamp ts = Timestamp.from(at);
        if (jdbc.sql("insert into care_device_seen (client_id, device_id, organization_id, last_measured_at) "
                + "values (?, ?, ?, ?) on conflict do nothing").params(d.client(), d.deviceId(), organization, ts)
                .update() == 0) {
            jdbc.sql("update care_device_seen set last_measured_at = ? where client_id = ? and device_id = ? "
                    + "and last_measured_at < ?").params(ts, d.client(), d.deviceId(), ts).update();
        }
    }

    /** The devices of the organization and when they last measured. */
    Map<Device, Instant> lastMeasured(UUID organization) {
        Map<Device, Instant> last = new HashMap<>();
        jdbc.sql("select client_id, device_id, last_measured_at from care_device_seen where organization_id = ?")
                .param(organization).query(rs -> {
                    last.put(new Device(rs.getObject(1, UUID.class), rs.getString(2)), rs.getTimestamp(3).toInstant());
                });
        return last;
    }

    Optional<Instant> lastMeasured(Device d) {
        return jdbc.sql("select last_measured_at from care_device_seen where client_id = ? and device_id = ?")
                .params(d.client(), d.deviceId()).query(Timestamp.class).optional().map(Timestamp::toInstant);
    }
}
