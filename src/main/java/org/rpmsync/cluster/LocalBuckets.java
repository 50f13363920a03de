package org.rpmsync.cluster;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The same buckets in this instance's memory: the floor that still limits when the database cannot be reached, and
 * that keeps one instance alone within a limit. Forgets everything beyond 100,000 keys (a flood of made-up keys).
 */
final class LocalBuckets {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    boolean take(RateLimit limit, String key, long nowMillis) {
        if (buckets.size() > 100_000) {
            buckets.clear();
        }
        return buckets.computeIfAbsent(limit.name() + ":" + key, k -> new Bucket(limit.capacity(), nowMillis))
                .take(limit, nowMillis);
    }

    boolean exhausted(RateLimit limit, String key, long nowMillis) {
        Bucket bucket = buckets.get(limit.name() + ":" + key);
        return bucket != null && bucket.exhausted(limit, nowMillis);
    }

    void reset(RateLimit limit, String key) {
        buckets.remove(limit.name() + ":" + key);
    }

    private static final class Bucket {
        private double tokens;
        private long updated;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }

        synchronized boolean take(RateLimit limit, long now) {
            tokens = limit.refilled(tokens, now - updated);
            updated = Math.max(updated, now);
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }

        synchronized boolean exhausted(RateLimit limit, long now) {
            return limit.refilled(tokens, now - updated) < 1;
        }
    }
}
