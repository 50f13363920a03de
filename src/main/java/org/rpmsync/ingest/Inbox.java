package org.rpmsync.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.Map;
import java.util.Objects;
import org.rpmsync.organization.OrganizationId;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The durable inbox table: deliveries are committed here before we answer, then claimed by workers. */
@Component
class Inbox {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    Inbox(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    long store(OrganizationId organization, String body, Instant receivedAt, String contentType, String userAgent) {
        return storeAll(List.of(new NewDelivery(organization, body, receivedAt, contentType, userAgent)), null).get(0);
    }

    /**
     * Stores the deliveries with one multi-row INSERT (one commit unless the caller holds a transaction) and returns
     * their ids in the same order. {@code wait}, when given, bounds every read from the database on the way.
     */
    List<Long> storeAll(List<NewDelivery> deliveries, Duration wait) {
        String sql = "insert into inbox_messages (organization_id, source, received_at, body, content_type, user_agent,"
                + " status, attempts, next_attempt_at) values "
                + String.join(", ", Collections.nCopies(deliveries.size(), "(?, 'tenovi', ?, ?, ?, ?, 'PENDING', 0, ?)"));
        return batch.execute((ConnectionCallback<List<Long>>) connection -> {
            if (wait != null) {
                bound(connection, wait);
            }
            try (PreparedStatement insert = connection.prepareStatement(sql, new String[] {"id"})) {
                int p = 1;
                for (NewDelivery d : deliveries) {
                    Timestamp at = Timestamp.from(d.receivedAt());
                    insert.setObject(p++, d.organization().value());
                    insert.setTimestamp(p++, at);
                    insert.setString(p++, d.body());
                    insert.setString(p++, cap(d.contentType(), 100));
                    insert.setString(p++, cap(d.userAgent(), 200));
                    insert.setTimestamp(p++, at);
                }
                insert.executeUpdate();
                List<Long> ids = new ArrayList<>(deliveries.size());
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    while (keys.next()) {
                        ids.add(keys.getLong(1));
                    }
                }
                if (ids.size() != deliveries.size()) {
                    throw new SQLException("stored " + deliveries.size() + " deliveries but got " + ids.size() + " ids");
                }
                return ids;
            }
        });
    }

    private static void bound(Connection connection, Duration wait) {
        try {
            connection.setNetworkTimeout(Runnable::run, (int) Math.max(1, wait.toMillis()));
        } catch (SQLException | UnsupportedOperationException e) {
            // a driver without network timeouts (H2 embedded): nothing to bound
        }
    }

    /** Locks up to {@code limit} due rows for the calling transaction; rows locked elsewhere are skipped. */
    List<Message> claim(int limit, Instant now) {
        return jdbc.sql("""
                select id, organization_id, body, received_at, attempts from inbox_messages
                where status = 'PENDING' and next_attempt_at <= ? order by id limit ? for update skip locked""")
                .params(Timestamp.from(now), limit)
                .query(Inbox::message)
                .list();
    }

    /**
     * Locks those of the given deliveries that are still due, by primary key alone: unlike the claim above it never
     * reads past the rows processed since the table was last vacuumed, whose old entries stay in the index on status
     * until then. So that the planner cannot choose that index, status and due time are checked here, not in SQL (a
     * row already processed elsewhere is locked for the moment and left alone).
     */
    List<Message> claim(List<Long> ids, Instant now) {
        Timestamp due = Timestamp.from(now);
        return jdbc.sql("""
                select id, organization_id, body, received_at, attempts, status, next_attempt_at from inbox_messages
                where id in (%s) order by id for update skip locked"""
                        .formatted(String.join(", ", Collections.nCopies(ids.size(), "?"))))
                .params(ids)
                .query((rs, row) -> "PENDING".equals(rs.getString("status"))
                        && !rs.getTimestamp("next_attempt_at").after(due) ? message(rs, row) : null)
                .list().stream().filter(Objects::nonNull).toList();
    }

    Optional<Message> claim(long id) {
        return jdbc.sql("""
                select id, organization_id, body, received_at, attempts from inbox_messages
                where id = ? and status = 'PENDING' for update skip locked""")
                .param(id)
                .query(Inbox::message)
                .optional();
    }

    /** Marks deliveries processed with their counts: one statement for all that have the same counts. */
    void processed(Map<Long, DeliveryOutcome> outcomes, Instant at) {
        Map<List<Integer>, List<Long>> byCounts = new LinkedHashMap<>();
        outcomes.forEach((id, o) -> byCounts.computeIfAbsent(List.of(o.items(), o.stored(), o.rejected()),
                counts -> new ArrayList<>()).add(id));
        byCounts.forEach((counts, ids) -> jdbc.sql("""
                        update inbox_messages set status = 'PROCESSED', processed_at = ?, attempts = attempts + 1,
                               items = ?, stored = ?, rejected = ?, last_error = null where id in (%s)"""
                        .formatted(String.join(", ", Collections.nCopies(ids.size(), "?"))))
                .params(Timestamp.from(at), counts.get(0), counts.get(1), counts.get(2)).params(ids).update());
    }

    /** A failed try: retried after {@code retryIn}, or marked FAILED with its reason after the last try. */
    void failed(long id, int attempts, int maxAttempts, Instant now, Duration retryIn, String reason) {
        jdbc.sql("""
                update inbox_messages set attempts = ?, status = ?, next_attempt_at = ?, last_error = ? where id = ?""")
                .params(attempts, attempts >= maxAttempts ? "FAILED" : "PENDING", Timestamp.from(now.plus(retryIn)),
                        cap(reason, 500), id)
                .update();
    }

    /** An admin asks for a failed delivery to be processed again. */
    boolean retry(OrganizationId organization, long id) {
        return jdbc.sql("""
                update inbox_messages set status = 'PENDING', attempts = 0, next_attempt_at = ?
                where id = ? and organization_id = ? and status = 'FAILED' and body is not null""")
                .params(Timestamp.from(Instant.now()), id, organization.value()).update() == 1;
    }

    int purgeBodies(Instant processedBefore) {
        return jdbc.sql("update inbox_messages set body = null where status = 'PROCESSED' and processed_at < ? "
                        + "and body is not null")
                .param(Timestamp.from(processedBefore)).update();
    }

    private static Message message(ResultSet rs, int row) throws SQLException {
        return new Message(rs.getLong("id"), OrganizationId.of(rs.getObject("organization_id", UUID.class)),
                rs.getString("body"), rs.getTimestamp("received_at").toInstant(), rs.getInt("attempts"));
    }

    private static String cap(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    /** A delivery as received, before it has an id. */
    record NewDelivery(OrganizationId organization, String body, Instant receivedAt, String contentType,
                       String userAgent) {
    }

    record Message(long id, OrganizationId organization, String body, Instant receivedAt, int attempts) {
    }
}
