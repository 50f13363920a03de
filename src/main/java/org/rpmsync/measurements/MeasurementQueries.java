package org.rpmsync.measurements;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.rpmsync.organization.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The read side of readings: the only way other modules read them. Always inside one organization and, except
 * for the organization-wide summaries, one client. Newest measured first, ties broken by id.
 */
@Service
public class MeasurementQueries {

    private static final String COLUMNS = """
            id, client_id, source, device_id, metric, type, measured_at, utc_offset_minutes, measurement_index,
            raw_value_1, raw_value_2, value_1, value_2, unit, label, estimated_timestamp, late, received_at""";

    private final JdbcClient jdbc;

    MeasurementQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A page of the client's readings matching the filter, newest first. */
    public List<Reading> readings(OrganizationId organization, UUID client, ReadingFilter filter, int offset,
                                  int limit) {
        Map<String, Object> params = params(organization, client, filter);
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql("select " + COLUMNS + " from measurements where " + where(filter)
                        + " order by measured_at desc, id desc limit :limit offset :offset")
                .params(params).query(MeasurementQueries::reading).list();
    }

    /** The next readings after ({@code measuredAt}, {@code id}) in newest-first order (keyset paging). */
    public List<Reading> readingsAfter(OrganizationId organization, UUID client, ReadingFilter filter,
                                       Instant measuredAt, UUID id, int limit) {
        Map<String, Object> params = params(organization, client, filter);
        params.put("limit", limit);
        String keyset = "";
        if (measuredAt != null) {
            params.put("cursorAt", Timestamp.from(measuredAt));
            params.put("cursorId", id);
            keyset = " and (measured_at < :cursorAt or (measured_at = :cursorAt and id < :cursorId))";
        }
        return jdbc.sql("select " + COLUMNS + " from measurements where " + where(filter) + keyset
                        + " order by measured_at desc, id desc limit :limit")
                .params(params).query(MeasurementQueries::reading).list();
    }

    public long count(OrganizationId organization, UUID client, ReadingFilter filter) {
        return jdbc.sql("select count(*) from measurements where " + where(filter))
                .params(params(organization, client, filter)).query(Long.class).single();
    }

    /** When the client's first reading matching the filter was measured. */
    public Optional<Instant> firstMeasured(OrganizationId organization, UUID client, ReadingFilter filter) {
        return jdbc.sql("select min(measured_at) from measurements where " + where(filter))
                .params(params(organization, client, filter))
                .query((rs, row) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
                .single();
    }

    /** When each of the clients' first reading of these types was measured (clients without one are left out). */
    public Map<UUID, Instant> firstMeasured(OrganizationId organization, Collection<UUID> clients,
                                           Set<ReadingType> types) {
        Map<UUID, Instant> first = new HashMap<>();
        if (clients.isEmpty()) {
            return first;
        }
        jdbc.sql("""
                select client_id, min(measured_at) from measurements
                where organization_id = :org and client_id in (:clients) and type in (:types)
                group by client_id""")
                .param("org", organization.value()).param("clients", List.copyOf(clients))
                .param("types", types.stream().map(Enum::name).sorted().toList())
                .query(rs -> {
                    Timestamp at = rs.getTimestamp(2);
                    if (at != null) {
                        first.put(rs.getObject(1, UUID.class), at.toInstant());
                    }
                });
        return first;
    }

    /** A client's readings from one device within [{@code from}, {@code until}) ({@code until} null: no end). */
    public record DeviceSpan(UUID client, String deviceId, Instant from, Instant until) {
    }

    /** For each span, when its first reading of {@code type} was measured (spans without one are left out). */
    public Map<DeviceSpan, Instant> firstMeasured(OrganizationId organization, List<DeviceSpan> spans,
                                                 ReadingType type) {
        Map<DeviceSpan, Instant> first = new HashMap<>();
        for (int start = 0; start < spans.size(); start += 200) {
            List<DeviceSpan> chunk = spans.subList(start, Math.min(spans.size(), start + 200));
            List<Object> params = new java.util.ArrayList<>();
            params.add(organization.value());
            params.add(type.name());
            StringBuilder values = new StringBuilder();
            for (int i = 0; i < chunk.size(); i++) {
                DeviceSpan span = chunk.get(i);
                values.append(i == 0 ? "" : ", ").append("(cast(? as integer), cast(? as uuid), cast(? as varchar(64)), "
                        + "cast(? as timestamp with time zone), cast(? as timestamp with time zone))");
                params.addAll(List.of(i, span.client(), span.deviceId(), Timestamp.from(span.from()),
                        Timestamp.from(span.until() == null ? Instant.parse("9999-01-01T00:00:00Z") : span.until())));
            }
            jdbc.sql("select p.k, (select min(m.measured_at) from measurements m where m.organization_id = ? "
                            + "and m.type = ? and m.client_id = p.c and m.device_id = p.d and m.measured_at >= p.f "
                            + "and m.measured_at < p.t) from (values " + values + ") as p (k, c, d, f, t)")
                    .params(params)
                    .query(rs -> {
                        Timestamp at = rs.getTimestamp(2);
                        if (at != null) {
                            first.put(chunk.get(rs.getInt(1)), at.toInstant());
                        }
                    });
        }
        return first;
    }

    /**
     * The organization's readings with these ids, in no particular order. Looked up by id alone, so always through
     * the primary key (with the organization in the condition, a table grown since its last ANALYZE was scanned by
     * organization: 80,000 rows for 500 readings, twice per batch of webhook deliveries); rows of other
     * organizations are then left out.
     */
    public List<Reading> withIds(OrganizationId organization, Collection<UUID> ids) {
        List<Reading> found = new java.util.ArrayList<>();
        List<UUID> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += 500) {
            jdbc.sql("select organization_id, " + COLUMNS + " from measurements where id in (:ids)")
                    .param("ids", all.subList(from, Math.min(all.size(), from + 500)))
                    .query(rs -> {
                        if (organization.value().equals(rs.getObject("organization_id", UUID.class))) {
                            found.add(reading(rs, found.size()));
                        }
                    });
        }
        return found;
    }

    /** The readings just given to their clients (ids by client), as stored, in no particular order. */
    List<Reading> given(OrganizationId organization, Map<UUID, List<UUID>> readings) {
        List<UUID> ids = new java.util.ArrayList<>();
        readings.values().forEach(ids::addAll);
        return withIds(organization, ids).stream().filter(r -> r.clientId() != null).toList();
    }

    /** The readings of several clients of the organization matching the filter, in no particular order. */
    public List<Reading> readingsOf(OrganizationId organization, Collection<UUID> clients, ReadingFilter filter) {
        if (clients.isEmpty()) {
            return List.of();
        }
        Map<String, Object> params = params(organization, null, filter);
        params.put("clients", List.copyOf(clients));
        return jdbc.sql("select " + COLUMNS + " from measurements where "
                        + where(filter).replace("client_id = :client", "client_id in (:clients)"))
                .params(params).query(MeasurementQueries::reading).list();
    }

    private static String where(ReadingFilter filter) {
        StringBuilder sql = new StringBuilder("organization_id = :org and client_id = :client");
        if (!filter.types().isEmpty()) {
            sql.append(" and type in (:types)");
        }
        if (filter.from() != null) {
            sql.append(" and measured_at >= :from");
        }
        if (filter.to() != null) {
            sql.append(" and measured_at < :to");
        }
        return sql.toString();
    }

    private static Map<String, Object> params(OrganizationId organization, UUID client, ReadingFilter filter) {
        Map<String, Object> params = new HashMap<>();
        params.put("org", organization.value());
        if (client != null) {
            params.put("client", client);
        }
        if (!filter.types().isEmpty()) {
            params.put("types", filter.types().stream().map(Enum::name).sorted().toList());
        }
        if (filter.from() != null) {
            params.put("from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            params.put("to", Timestamp.from(filter.to()));
        }
        return params;
    }

    private static Reading reading(ResultSet rs, int row) throws SQLException {
        int offset = rs.getInt("utc_offset_minutes");
        Integer utcOffset = rs.wasNull() ? null : offset;
        return new Reading(rs.getObject("id", UUID.class), rs.getObject("client_id", UUID.class),
                rs.getString("source"), rs.getString("device_id"), rs.getString("metric"),
                ReadingType.valueOf(rs.getString("type")), rs.getTimestamp("measured_at").toInstant(), utcOffset,
                rs.getString("measurement_index"), rs.getString("raw_value_1"), rs.getString("raw_value_2"),
                stripped(rs.getBigDecimal("value_1")), stripped(rs.getBigDecimal("value_2")), rs.getString("unit"),
                rs.getString("label"), rs.getBoolean("estimated_timestamp"), rs.getBoolean("late"),
                rs.getTimestamp("received_at").toInstant());
    }

    private static BigDecimal stripped(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }
}
