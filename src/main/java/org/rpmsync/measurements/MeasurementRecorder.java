package org.rpmsync.measurements;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import io.micrometer.core.instrument.MeterRegistry;
import org.rpmsync.organization.OrganizationId;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one write path for readings: webhook, refresh and reconciliation all come through here. Each reading is
 * inserted with {@code ON CONFLICT DO NOTHING} on its natural key, never check-then-insert, so concurrent copies of
 * the same reading on several app instances still make exactly one row. New readings are then attributed to the
 * client who held the device at measured time, or left unmatched: the new ones go straight to {@link Attribution}.
 */
@Service
public class MeasurementRecorder {

    private static final BigDecimal LARGEST = new BigDecimal("999999999999");
    /** Readings a statement, and parameters a reading. */
    private static final int CHUNK = 50, PARAMETERS = 20;
    private static final String INSERT = """
            insert into measurements (id, organization_id, source, device_id, patient_id, metric, type, measured_at,
                utc_offset_minutes, measurement_index, raw_value_1, raw_value_2, value_1, value_2, unit, label,
                estimated_timestamp, late, received_at, origin)
            values """;
    private static final String ROW = "(" + String.join(", ", Collections.nCopies(PARAMETERS, "?")) + ")";

    private final JdbcTemplate jdbc;
    private final Duration lateAfter;
    private final Attribution attribution;
    private final MeterRegistry meters;

    MeasurementRecorder(JdbcTemplate jdbc, MeasurementSettings settings, Attribution attribution, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.lateAfter = settings.lateAfter();
        this.attribution = attribution;
        this.meters = meters;
    }

    @Transactional
    public Recorded record(OrganizationId organization, List<NewReading> readings, Instant receivedAt, Origin origin) {
        return record(organization, readings, Collections.nCopies(readings.size(), receivedAt), origin);
    }

    /** As above, for readings that reached us at different times ({@code receivedAt} by position), in one batch. */
    @Transactional
    public Recorded record(OrganizationId organization, List<NewReading> readings, List<Instant> receivedAt,
                           Origin origin) {
        if (readings.isEmpty()) {
            return new Recorded(0, List.of());
        }
        List<UUID> ids = readings.stream().map(r -> UUID.randomUUID()).toList();
        Set<UUID> newIds = new HashSet<>();
        for (int from = 0; from < readings.size(); from += CHUNK) {
            newIds.addAll(insert(organization, readings, receivedAt, ids, from,
                    Math.min(readings.size(), from + CHUNK), origin));
        }
        List<UUID> inserted = new ArrayList<>();
        List<Attribution.Unmatched> fresh = new ArrayList<>();
        BitSet positions = new BitSet(readings.size());
        for (int position = 0; position < readings.size(); position++) {
            if (newIds.contains(ids.get(position))) {
                NewReading r = readings.get(position);
                inserted.add(ids.get(position));
                fresh.add(new Attribution.Unmatched(ids.get(position), r.source(), r.deviceId(), r.patientId(),
                        r.type(), stored(r.measuredAt()), stored(receivedAt.get(position))));
                positions.set(position);
            }
        }
        attribution.attribute(organization, fresh);
        meters.counter("rpmsync.readings.stored", "origin", origin.name().toLowerCase()).increment(inserted.size());
        meters.counter("rpmsync.readings.duplicates", "origin", origin.name().toLowerCase())
                .increment(readings.size() - inserted.size());
        return new Recorded(readings.size(), inserted, positions);
    }

    /** Keeps items that could not become readings, with their reasons, for the integration health panel. */
    @Transactional
    public void reject(OrganizationId organization, List<Rejection> rejections, Instant receivedAt, Origin origin,
                       Long inboxMessageId) {
        if (rejections.isEmpty()) {
            return;
        }
        meters.counter("rpmsync.readings.rejected", "origin", origin.name().toLowerCase()).increment(rejections.size());
        jdbc.batchUpdate("""
                insert into rejected_items (organization_id, origin, inbox_message_id, received_at, reason, raw_item)
                values (?, ?, ?, ?, ?, ?)""", rejections, rejections.size(), (ps, r) -> {
            ps.setObject(1, organization.value());
            ps.setString(2, origin.name());
            ps.setObject(3, inboxMessageId, Types.BIGINT);
            ps.setTimestamp(4, Timestamp.from(receivedAt));
            ps.setString(5, r.reason());
            ps.setString(6, r.rawItem());
        });
    }

    /**
     * One multi-row INSERT of the readings from {@code from} to {@code to}: a statement per chunk instead of per
     * reading (the database's per-statement work is a third of a reading's insert). Returns the ids of the rows that
     * were new; the others were already stored under their natural key.
     */
    private Set<UUID> insert(OrganizationId organization, List<NewReading> readings, List<Instant> receivedAt,
                             List<UUID> ids, int from, int to, Origin origin) {
        String sql = INSERT + String.join(", ", Collections.nCopies(to - from, ROW)) + " on conflict do nothing";
        return jdbc.execute((ConnectionCallback<Set<UUID>>) connection -> {
            try (PreparedStatement insert = connection.prepareStatement(sql, new String[] {"id"})) {
                for (int i = from; i < to; i++) {
                    bind(insert, (i - from) * PARAMETERS, ids.get(i), organization, readings.get(i), receivedAt.get(i),
                            origin);
                }
                insert.executeUpdate();
                Set<UUID> inserted = new HashSet<>();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    while (keys.next()) {
                        inserted.add(keys.getObject(1, UUID.class));
                    }
                }
                return inserted;
            }
        });
    }

    boolean late(Instant measuredAt, Instant receivedAt) {
        return Duration.between(measuredAt, receivedAt).compareTo(lateAfter) > 0;
    }

    /** Binds a reading's {@value #PARAMETERS} parameters after the first {@code at}. */
    private void bind(PreparedStatement ps, int at, UUID id, OrganizationId organization, NewReading r,
                      Instant receivedAt, Origin origin) throws SQLException {
        ps.setObject(at + 1, id);
        ps.setObject(at + 2, organization.value());
        ps.setString(at + 3, r.source());
        ps.setString(at + 4, r.deviceId());
        ps.setString(at + 5, r.patientId());
        ps.setString(at + 6, r.metric());
        ps.setString(at + 7, r.type().name());
        ps.setTimestamp(at + 8, Timestamp.from(r.measuredAt()));
        ps.setObject(at + 9, r.utcOffsetMinutes(), Types.INTEGER);
        ps.setString(at + 10, r.measurementIndex());
        ps.setString(at + 11, r.rawValue1());
        ps.setString(at + 12, r.rawValue2());
        ps.setBigDecimal(at + 13, storable(r.value()));
        ps.setBigDecimal(at + 14, storable(r.value2()));
        ps.setString(at + 15, r.unit());
        ps.setString(at + 16, r.label());
        ps.setBoolean(at + 17, r.estimatedTimestamp());
        ps.setBoolean(at + 18, late(r.measuredAt(), receivedAt));
        ps.setTimestamp(at + 19, Timestamp.from(receivedAt));
        ps.setString(at + 20, origin.name());
    }

    /** The time as the database keeps it: to the microsecond. */
    private static Instant stored(Instant time) {
        return time.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
    }

    /** Values beyond the column's range keep only their raw text (raw_value_*), never fail the batch. */
    private static BigDecimal storable(BigDecimal value) {
        return value == null || value.abs().compareTo(LARGEST) > 0 ? null : value;
    }
}
