package org.rpmsync.cluster;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code tenovi_request_slots} (named when Tenovi's API keys were the only paced keys): per key (its SHA-256, never
 * the key) when the next call may leave and whether one is in flight. Each method runs inside a short transaction of
 * its own ({@link PacedCalls}). Times come from the database, so instances with skewed clocks still agree.
 */
class PacingSlots {

    private final JdbcClient jdbc;

    PacingSlots(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The outcome of one attempt to call: {@code granted} at {@code at}, else wait {@code retryIn} and ask again. */
    record Claim(boolean granted, Instant at, Duration retryIn) {
    }

    /** Takes the key for one call when it is free, marking it in flight for at most {@code lease}. */
    Claim claim(String key, Duration lease, Duration poll) {
        String hash = KeyHash.sha256(key);
        jdbc.sql("insert into tenovi_request_slots (api_key_sha256, next_request_at) values (?, current_timestamp) "
                + "on conflict do nothing").param(hash).update();
        record Row(Instant next, Instant inFlight, Instant now) {
        }
        Row row = jdbc.sql("""
                select next_request_at, in_flight_until, current_timestamp as db_now from tenovi_request_slots
                where api_key_sha256 = ? for update""").param(hash)
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
                .params(Timestamp.from(row.now().plus(lease)), hash).update();
        return new Claim(true, row.now(), Duration.ZERO);
    }

    /** The call was answered (or failed): the next may leave {@code interval} from now. */
    void release(String key, Duration interval) {
        Instant next = now().plus(interval);
        jdbc.sql("""
                update tenovi_request_slots set in_flight_until = null,
                    next_request_at = case when next_request_at < ? then ? else next_request_at end
                where api_key_sha256 = ?""").params(Timestamp.from(next), Timestamp.from(next), KeyHash.sha256(key))
                .update();
    }

    /** Nobody calls with the key before {@code wait} has passed (never brings the slot forward). */
    void holdOff(String key, Duration wait) {
        Instant until = now().plus(wait);
        jdbc.sql("update tenovi_request_slots set next_request_at = ? where api_key_sha256 = ? and next_request_at < ?")
                .params(Timestamp.from(until), KeyHash.sha256(key), Timestamp.from(until)).update();
    }

    private Instant now() {
        return jdbc.sql("select current_timestamp").query((rs, n) -> rs.getTimestamp(1).toInstant()).single();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
