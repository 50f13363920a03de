package org.rpmsync.ingest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.Map;
import org.rpmsync.organization.OrganizationId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
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
        var key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into inbox_messages (organization_id, source, received_at, body, content_type, user_agent,
                                            status, attempts, next_attempt_at)
                values (?, 'tenovi', ?, ?, ?, ?, 'PENDING', 0, ?)""")
                .params(organization.value(), Timestamp.from(receivedAt), body, cap(contentType, 100),
                        cap(userAgent, 200), Timestamp.from(receivedAt))
                .update(key, "id");
        return key.getKey().longValue();
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

    Optional<Message> claim(long id) {
        return jdbc.sql("""
                select id, organization_id, body, received_at, attempts from inbox_messages
                where id = ? and status = 'PENDING' for update skip locked""")
                .param(id)
                .query(Inbox::message)
                .optional();
    }

    void processed(Map<Long, DeliveryOutcome> outcomes, Instant at) {
        List<Object[]> rows = outcomes.entrySet().stream().map(e -> new Object[] {Timestamp.from(at),
                e.getValue().items(), e.getValue().stored(), e.getValue().rejected(), e.getKey()}).toList();
        batch.batchUpdate("""
                update inbox_messages set status = 'PROCESSED', processed_at = ?, attempts = attempts + 1,
                       items = ?, stored = ?, rejected = ?, last_error = null where id = ?""", rows);
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

    record Message(long id, OrganizationId organization, String body, Instant receivedAt, int attempts) {
    }
}
