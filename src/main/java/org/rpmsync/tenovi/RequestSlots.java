package org.rpmsync.tenovi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code tenovi_request_slots}: per API key (its SHA-256, never the key) the earliest time the next request may be
 * sent. Times come from the database, so instances with skewed clocks still agree.
 */
@Repository
class RequestSlots {

    private final JdbcClient jdbc;

    RequestSlots(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A reserved slot: when it is (database time) and how long the caller waits for it. */
    record Slot(Instant at, Duration delay) {
    }

    /** Inside a transaction: takes the next free slot and moves it on by {@code interval}. */
    Slot reserve(String apiKey, Duration interval) {
        String key = sha256(apiKey);
        jdbc.sql("insert into tenovi_request_slots (api_key_sha256, next_request_at) values (?, current_timestamp) "
                + "on conflict do nothing").param(key).update();
        record Row(Instant next, Instant now) {
        }
        Row row = jdbc.sql("""
                select next_request_at, current_timestamp as db_now from tenovi_request_slots
                where api_key_sha256 = ? for update""").param(key)
                .query((rs, n) -> new Row(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant())).single();
        Instant slot = row.next().isAfter(row.now()) ? row.next() : row.now();
        jdbc.sql("update tenovi_request_slots set next_request_at = ? where api_key_sha256 = ?")
                .params(Timestamp.from(slot.plus(interval)), key).update();
        return new Slot(slot, Duration.between(row.now(), slot));
    }

    /** After a 429: nobody sends with the key before {@code wait} has passed (never brings the slot forward). */
    void holdOff(String apiKey, Duration wait) {
        String key = sha256(apiKey);
        Instant until = jdbc.sql("select current_timestamp").query((rs, n) -> rs.getTimestamp(1).toInstant()).single()
                .plus(wait);
        jdbc.sql("update tenovi_request_slots set next_request_at = ? where api_key_sha256 = ? and next_request_at < ?")
                .params(Timestamp.from(until), key, Timestamp.from(until)).update();
    }

    static String sha256(String apiKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
