package org.rpmsync.cluster;

import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Rate limits that hold across every instance: each check takes from the key's bucket in this instance's memory (the
 * floor: one instance alone never exceeds the limit, and it still limits while the database cannot be reached) and
 * then from the shared bucket in the database, which counts the requests of all instances. Limits of 20 a second
 * and more take their shared tokens in {@link Leases} (up to a tenth of a second's worth per round trip) rather than
 * one per request; slower ones count every request in the database. After a database error the shared buckets are
 * left alone for a second, so an outage costs requests no extra waits.
 */
@Component
public class SharedLimits {

    private static final Logger log = LoggerFactory.getLogger(SharedLimits.class);
    private static final long PAUSE_AFTER_ERROR_MILLIS = 1_000;

    private final BucketStore shared;
    private final LocalBuckets local = new LocalBuckets();
    private final Leases leases = new Leases();
    private final Duration idle;
    private volatile long sharedPausedUntil;

    SharedLimits(BucketStore shared, ClusterSettings settings) {
        this.shared = shared;
        this.idle = settings.forgetBucketsAfter();
    }

    /** Takes one request's token from the key's bucket; false when the limit is reached (answer 429). */
    public boolean take(RateLimit limit, String key) {
        long now = System.currentTimeMillis();
        boolean here = local.take(limit, key, now);
        if (!here) {
            return false;
        }
        return leases.take(limit, key, now, count -> sharedOr(1, () -> shared.take(limit, key, count, now)));
    }

    /** Whether the key has used up its bucket, without taking from it (a sign-in locked out). */
    public boolean exhausted(RateLimit limit, String key) {
        long now = System.currentTimeMillis();
        return local.exhausted(limit, key, now) || sharedOr(false, () -> shared.exhausted(limit, key, now));
    }

    /** Takes one token, whatever is left (a failure counted). */
    public void count(RateLimit limit, String key) {
        take(limit, key);
    }

    /** Fills the key's bucket again (a successful sign-in clears its failures). */
    public void reset(RateLimit limit, String key) {
        local.reset(limit, key);
        leases.forget(limit, key);
        sharedOr(null, () -> {
            shared.reset(limit, key);
            return null;
        });
    }

    /** Buckets untouched for a day are full again: their rows go (once across instances). */
    @Scheduled(fixedDelayString = "${rpmsync.cluster.forget-buckets-every:1h}")
    @SchedulerLock(name = "cluster.forget-idle-buckets", lockAtLeastFor = "${rpmsync.cluster.forget-buckets-every:1h}",
            lockAtMostFor = "${rpmsync.cluster.forget-buckets-every:1h}")
    void forgetIdle() {
        shared.forgetIdle(System.currentTimeMillis() - idle.toMillis());
    }

    private <T> T sharedOr(T fallback, java.util.function.Supplier<T> call) {
        if (System.currentTimeMillis() < sharedPausedUntil) {
            return fallback;
        }
        try {
            return call.get();
        } catch (DataAccessException e) {
            sharedPausedUntil = System.currentTimeMillis() + PAUSE_AFTER_ERROR_MILLIS;
            log.warn("Shared rate limits unavailable, limiting per instance for now: {}", e.getClass().getSimpleName());
            return fallback;
        }
    }
}
