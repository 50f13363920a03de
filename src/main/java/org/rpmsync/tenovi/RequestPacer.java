package org.rpmsync.tenovi;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At most one request per {@code request-interval} per organization (one API key each) across every instance: each
 * request first reserves the next free slot on the organization's {@code tenovi_sync_state} row under
 * {@code SELECT ... FOR UPDATE}, then waits for it. A 429 pushes the slot back for everyone.
 */
@Component
class RequestPacer {

    private final SyncState state;
    private final TransactionTemplate transactions;
    private final SyncProperties properties;

    RequestPacer(SyncState state, TransactionTemplate transactions, SyncProperties properties) {
        this.state = state;
        this.transactions = transactions;
        this.properties = properties;
    }

    /** Blocks until this caller may send one request with the organization's key. */
    void pace(UUID organization) {
        state.ensure(organization);
        Duration wait = transactions.execute(status -> state.reserve(organization, properties.requestInterval()));
        sleep(wait);
    }

    /** Tenovi said 429: nobody sends with this key for {@code wait}. */
    void holdOff(UUID organization, Duration wait) {
        transactions.executeWithoutResult(status -> state.holdOff(organization, wait));
    }

    /** {@code base} plus up to a quarter of it at random, so that instances do not retry in step. */
    static Duration jitter(Duration base) {
        long millis = Math.max(1, base.toMillis());
        return Duration.ofMillis(millis + ThreadLocalRandom.current().nextLong(millis / 4 + 1));
    }

    static void sleep(Duration wait) {
        if (wait == null || wait.isNegative() || wait.isZero()) {
            return;
        }
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncFailure("The job was interrupted (the application is stopping); it resumes from its cursor.");
        }
    }
}
