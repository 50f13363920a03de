package org.rpmsync.simulator;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/** A token bucket per API key (Tenovi: each key has its own 1 request/s bucket). */
final class RateLimiter {

    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier nanos;

    RateLimiter(LongSupplier nanos) {
        this.nanos = nanos;
    }

    /** Takes a token; returns {@link Duration#ZERO} when allowed, else how long until the next token. */
    Duration acquire(String key, double perSecond, int burst) {
        long now = nanos.getAsLong();
        return buckets.computeIfAbsent(key, k -> new Bucket(Math.max(1, burst), now))
                .take(perSecond, Math.max(1, burst), now);
    }

    private static final class Bucket {
        private double tokens;
        private long last;

        Bucket(int burst, long now) {
            this.tokens = burst;
            this.last = now;
        }

        synchronized Duration take(double perSecond, int burst, long now) {
            tokens = Math.min(burst, tokens + (now - last) / 1e9 * perSecond);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return Duration.ZERO;
            }
            return Duration.ofNanos((long) Math.ceil((1 - tokens) / perSecond * 1e9));
        }
    }
}
