package org.rpmsync.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Repository;

/**
 * {@code rate_buckets}: one row per limit and key (the key's SHA-256: no email, address or webhook key is stored),
 * changed by one atomic {@code UPDATE} whose condition is "a token is left", so concurrent requests on any number of
 * instances never take the same token twice. Times are the callers' clocks in milliseconds (instances' clocks agree
 * to well under a token's refill time).
 */
@Repository
class BucketStore {

    private static final String REFILLED = "least(:capacity, tokens + greatest(0, :now - updated_ms) * :perMs)";
    private final JdbcClient jdbc;

    /** Each statement waits at most {@code wait} for an answer: a stalled database costs a request little. */
    BucketStore(DataSource dataSource, ClusterSettings settings) {
        Duration wait = settings.sharedLimitWait();
        this.jdbc = JdbcClient.create(new DelegatingDataSource(dataSource) {
            @Override
            public Connection getConnection() throws SQLException {
                Connection connection = super.getConnection();
                try {
                    connection.setNetworkTimeout(Runnable::run, (int) Math.max(1, wait.toMillis()));
                } catch (SQLException | UnsupportedOperationException e) {
                    // a driver without network timeouts (H2 embedded): nothing to bound
                }
                return connection;
            }
        });
    }

    /**
     * Takes {@code count} tokens, or when fewer are left a single one; returns how many were taken (0 when not even
     * one is left). One statement when the bucket has them.
     */
    int take(RateLimit limit, String key, int count, long now) {
        if (count > 1 && takeExisting(params(limit, key, now, count))) {
            return count;
        }
        Map<String, Object> params = params(limit, key, now, 1);
        if (takeExisting(params)) {
            return 1;
        }
        int inserted = jdbc.sql("""
                insert into rate_buckets (limit_name, key_sha256, tokens, updated_ms)
                values (:name, :key, :capacity - 1, :now) on conflict do nothing""").params(params).update();
        // Lost the race to create the row: take from the row the other request made.
        return inserted == 1 || takeExisting(params) ? 1 : 0;
    }

    /** Whether the bucket has no whole token left (a missing row is a full bucket). */
    boolean exhausted(RateLimit limit, String key, long now) {
        Optional<Double> tokens = jdbc.sql("select " + REFILLED + " from rate_buckets "
                        + "where limit_name = :name and key_sha256 = :key")
                .params(params(limit, key, now, 1)).query(Double.class).optional();
        return tokens.map(t -> t < 1).orElse(false);
    }

    void reset(RateLimit limit, String key) {
        jdbc.sql("delete from rate_buckets where limit_name = ? and key_sha256 = ?")
                .params(limit.name(), KeyHash.sha256(key)).update();
    }

    /** Forgets buckets untouched since {@code before}: by then each is full again, the same as no row. */
    int forgetIdle(long before) {
        return jdbc.sql("delete from rate_buckets where updated_ms < ?").param(before).update();
    }

    private boolean takeExisting(Map<String, Object> params) {
        return jdbc.sql("update rate_buckets set tokens = " + REFILLED + " - :count, "
                + "updated_ms = greatest(updated_ms, :now) "
                + "where limit_name = :name and key_sha256 = :key and " + REFILLED + " >= :count")
                .params(params).update() == 1;
    }

    private static Map<String, Object> params(RateLimit limit, String key, long now, int count) {
        return Map.of("name", limit.name(), "key", KeyHash.sha256(key), "capacity", limit.capacity(),
                "perMs", limit.perSecond() / 1000.0, "now", now, "count", count);
    }
}
