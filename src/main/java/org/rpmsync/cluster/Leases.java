package org.rpmsync.cluster;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntUnaryOperator;

/**
 * Tokens taken from a shared bucket ahead of the requests that spend them, so that a busy key costs one database
 * round trip per lease instead of one per request. A lease grows (doubling, up to {@link RateLimit#leaseSize()})
 * while it is spent within {@link #LIFETIME_MILLIS} and shrinks when it is not; what is left of it after that time
 * is dropped, not returned. The instances together therefore never spend more than the shared bucket gave out, and
 * each may leave at most one lease — a tenth of the key's capacity and of a second's refill — unspent per second.
 * Forgets everything beyond 100,000 keys, like {@link LocalBuckets}.
 */
final class Leases {

    static final long LIFETIME_MILLIS = 1_000;

    private final Map<String, Lease> leases = new ConcurrentHashMap<>();

    /**
     * Spends a token of the key's lease; when none is left, first takes a new lease from {@code shared}, which is
     * given the most tokens to take and answers how many it took (0: the shared bucket is empty).
     */
    boolean take(RateLimit limit, String key, long nowMillis, IntUnaryOperator shared) {
        if (leases.size() > 100_000) {
            leases.clear();
        }
        return leases.computeIfAbsent(limit.name() + ":" + key, k -> new Lease())
                .take(limit.leaseSize(), nowMillis, shared);
    }

    void forget(RateLimit limit, String key) {
        leases.remove(limit.name() + ":" + key);
    }

    private static final class Lease {
        private int left;
        private int size;
        private long expires;

        synchronized boolean take(int most, long now, IntUnaryOperator shared) {
            if (left > 0 && now < expires) {
                left--;
                return true;
            }
            boolean spentInTime = now < expires;
            size = Math.min(most, spentInTime ? size * 2 : Math.max(1, size / 2));
            int taken = shared.applyAsInt(size);
            size = Math.max(1, Math.min(size, taken));
            left = Math.max(0, taken - 1);
            expires = taken > 0 ? now + LIFETIME_MILLIS : 0;
            return taken > 0;
        }
    }
}
