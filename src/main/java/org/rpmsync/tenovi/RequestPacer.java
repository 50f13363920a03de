package org.rpmsync.tenovi;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At most one request per {@code request-interval} per API key across every instance, for every call
 * {@link TenoviClient} makes: each request first reserves the next free slot of its key in
 * {@code tenovi_request_slots} (in a transaction of its own, so a caller's transaction never holds the row), then
 * waits for it. A 429 pushes the slot back for everyone using the key.
 */
@Component
class RequestPacer {

    private final RequestSlots slots;
    private final TransactionTemplate transactions;
    private final SyncProperties properties;

    RequestPacer(RequestSlots slots, PlatformTransactionManager transactionManager, SyncProperties properties) {
        this.slots = slots;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.properties = properties;
    }

    /** Blocks until this caller may send one request with the key; {@link TenoviUnavailable} when it cannot tell. */
    void pace(TenoviCredentials credentials) {
        Duration wait;
        try {
            wait = transactions.execute(status -> slots.reserve(credentials.apiKey(), properties.requestInterval()))
                    .delay();
        } catch (DataAccessException e) {
            throw new TenoviUnavailable("the shared request pacing is unavailable (database)", null);
        }
        sleep(wait);
    }

    /** Tenovi said 429: nobody sends with this key for {@code wait}. */
    void holdOff(TenoviCredentials credentials, Duration wait) {
        try {
            transactions.executeWithoutResult(status -> slots.holdOff(credentials.apiKey(), wait));
        } catch (DataAccessException e) {
            // the next pace() fails the same way; the wait below still applies to this caller
        }
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
            throw new TenoviUnavailable("interrupted while waiting for Tenovi (the application is stopping)", null);
        }
    }
}
