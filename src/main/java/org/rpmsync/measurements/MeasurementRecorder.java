package org.rpmsync.measurements;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import io.micrometer.core.instrument.MeterRegistry;
import org.rpmsync.organization.OrganizationId;
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
    private static final String INSERT = """
            insert into measurements (id, organization_id, source, device_id, patient_id, metric, type, measured_at,
                utc_offset_minutes, measurement_index, raw_value_1, raw_value_2, value_1, value_2, unit, label,
                estimated_timestamp, late, received_at, origin)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict do nothing""";

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
        int[][] counts = jdbc.batchUpdate(INSERT, indexed(readings), readings.size(), (ps, item) ->
                bind(ps, ids.get(item.index()), organization, item.reading(), receivedAt.get(item.index()), origin));
        List<UUID> inserted = new ArrayList<>();
        List<Attribution.Unmatched> fresh = new ArrayList<>();
        BitSet positions = new BitSet(readings.size());
        int position = 0;
        for (int[] batch : counts) {
            for (int count : batch) {
                if (count > 0) {
                    NewReading r = readings.get(position);
                    inserted.add(ids.get(position));
                    fresh.add(new Attribution.Unmatched(ids.get(position), r.source(), r.deviceId(), r.patientId(),
                            r.type(), stored(r.measuredAt()), stored(receivedAt.get(position))));
                    positions.set(position);
                }
                position++;
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

    boolean late(Instant measuredAt, Instant receivedAt) {
        return Duration.between(measuredAt, receivedAt).compareTo(lateAfter) > 0;
    }

    private void bind(PreparedStatement ps, UUID id, OrganizationId organization, NewReading r, Instant receivedAt,
                      Origin origin) throws SQLException {
        ps.setObject(1, id);
        ps.setObject(2, organization.value());
        ps.setString(3, r.source());
        ps.setString(4, r.deviceId());
        ps.setString(5, r.patientId());
        ps.setString(6, r.metric());
        ps.setString(7, r.type().name());
        ps.setTimestamp(8, Timestamp.from(r.measuredAt()));
        ps.setObject(9, r.utcOffsetMinutes(), Types.INTEGER);
        ps.setString(10, r.measurementIndex());
        ps.setString(11, r.rawValue1());
        ps.setString(12, r.rawValue2());
        ps.setBigDecimal(13, storable(r.value()));
        ps.setBigDecimal(14, storable(r.value2()));
        ps.setString(15, r.unit());
        ps.setString(16, r.label());
        ps.setBoolean(17, r.estimatedTimestamp());
        ps.setBoolean(18, late(r.measuredAt(), receivedAt));
        ps.setTimestamp(19, Timestamp.from(receivedAt));
        ps.setString(20, origin.name());
    }

    /** The time as the database keeps it: to the microsecond. */
    private static Instant stored(Instant time) {
        return time.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
    }

    /** Values beyond the column's range keep only their raw text (raw_value_*), never fail the batch. */
    private static BigDecimal storable(BigDecimal value) {
        return value == null || value.abs().compareTo(LARGEST) > 0 ? null : value;
    }

    private static List<Item> indexed(List<NewReading> readings) {
        List<Item> items = new ArrayList<>(readings.size());
        for (int i = 0; i < readings.size(); i++) {
            items.add(new Item(i, readings.get(i)));
        }
        return items;
    }

    private record Item(int index, NewReading reading) {
    }
}
