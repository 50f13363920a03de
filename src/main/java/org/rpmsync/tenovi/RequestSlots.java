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
 * {@code tenovi_request_slots}: per API key (its SHA-256, never the key) when the next request may leave and whether
 * one is in flight. Each method runs inside a short transaction of its own ({@link RequestPacer}). Times come from
 * the database, so instances with skewed clocks still agree.
 */
@Repository
class RequestSlots {

    private final JdbcClient jdbc;

    RequestSlots(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The outcome of one attempt to send: {@code granted} at {@code at}, else wait {@code retryIn} and ask again. */
    record Claim(boolean granted, Instant at, Duration retryIn) {
    }

    /** Takes the key for one request when it is free, marking it in flight for at most {@code lease}. */
    Claim claim(String apiKey, Duration lease, Duration poll) {
        String key = sha256(apiKey);
        jdbc.sql("insert into tenovi_request_slots (api_key_sha256, next_request_at) values (?, current_timestamp) "
                + "on conflict do nothing").param(key).update();
        record Row(Instant next, Instant inFlight, Instant now) {
        }
        Row row = jdbc.sql("""
                select next_request_at, in_flight_until, current_timestamp as db_now from tenovi_request_slots
                where api_key_sha256 = ? for update""").param(key)
                .query((rs, n) -> new Row(rs.getTimestamp(1).toInstant(),
                        rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()))
                .single();
        if (row.inFlight() != null && row.inFlight().isAfter(row.now())) {
            return new Claim(false, row.now(), min(poll, Duration.between(row.now(), row.inFlight())));
        }
        if (row.next().isAfter(row.now())) {
            return new Claim(false, row.now(), Duration.between(row.now(), row.next()));
        }
        jdbc.sql("update tenovi_request_slots set in_flight_until = ? where api_key_sha256 = ?")
                .params(Timestamp.from(row.now().plus(lease)), key).update();
        return new Claim(true, row.now(), Duration.ZERO);
    }

    /** The request was answered (or failed): the next may leave {@code interval} from now. */
    void release(String apiKey, Duration interval) {
        String key = sha256(apiKey);
        Instant next = now().plus(interval);
        jdbc.sql("""
                update tenovi_request_slots set in_flight_until = null,
                    next_request_at = case when next_request_at < ? then ? else next_request_at end
                where api_key_sha256 = ?""").params(Timestamp.from(next), Timestamp.from(next), key).update();
    }

    /** After a 429: nobody sends with the key before {@code wait} has passed (never brings the slot forward). */
    void holdOff(String apiKey, Duration wait) {
        String key = sha256(apiKey);
        Instant until = now().plus(wait);
        jdbc.sql("update tenovi_request_slots set next_request_at = ? where api_key_sha256 = ? and next_request_at < ?")
                .params(Timestamp.from(until), key, Timestamp.from(until)).update();
    }

    private Instant now() {
        return jdbc.sql("select current_timestamp").query((rs, n) -> rs.getTimestamp(1).toInstant()).single();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
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
