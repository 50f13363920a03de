package org.rpmsync.tenovi;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One request at a time per API key across every instance, for every call {@link TenoviClient} makes, and the next
 * one only {@code request-interval} after the previous one was answered: Tenovi received the previous request
 * before we got its answer, so two requests reach Tenovi at least the interval apart whatever the network and
 * scheduling delays (pacing from the send times alone let a delayed request arrive 0.1-0.2 s "late" and the next
 * one on time, and Tenovi answered 429). The state is the key's row in {@code tenovi_request_slots}, changed in
 * short transactions of their own, so a caller's transaction never holds it. A 429 pushes the key back for everyone.
 */
@Component
public class RequestPacer {

    private static final Logger log = LoggerFactory.getLogger(RequestPacer.class);
    /** How often a caller looks again while another request with its key is in flight. */
    private static final Duration POLL = Duration.ofMillis(25);

    private final RequestSlots slots;
    private final TransactionTemplate transactions;
    private final PacingProperties properties;
    private final Duration lease;

    RequestPacer(RequestSlots slots, PlatformTransactionManager transactionManager, PacingProperties properties,
                 TenoviProperties tenovi) {
        this.slots = slots;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.properties = properties;
        this.lease = tenovi.connectTimeout().plus(tenovi.readTimeout()).plusSeconds(1);
    }

    /**
     * Sends {@code request} once the key is free; {@link TenoviUnavailable} when the shared state cannot be read
     * (the database), since sending unpaced could get the key throttled for everyone.
     */
    <T> T paced(TenoviCredentials credentials, Supplier<T> request) {
        claim(credentials);
        try {
            return request.get();
        } finally {
            release(credentials);
        }
    }

    /** Tenovi said 429: nobody sends with this key for {@code wait}. */
    void holdOff(TenoviCredentials credentials, Duration wait) {
        try {
            transactions.executeWithoutResult(status -> slots.holdOff(credentials.apiKey(), wait));
        } catch (DataAccessException e) {
            log.warn("Could not hold the Tenovi key of {} back after a 429: {}", credentials.clientDomain(), e.toString());
        }
    }

    private void claim(TenoviCredentials credentials) {
        while (true) {
            RequestSlots.Claim claim;
            try {
                claim = transactions.execute(status -> slots.claim(credentials.apiKey(), lease, POLL));
            } catch (DataAccessException e) {
                throw new TenoviUnavailable("the shared request pacing is unavailable (database)", null);
            }
            if (claim.granted()) {
                return;
            }
            sleep(claim.retryIn());
        }
    }

    private void release(TenoviCredentials credentials) {
        try {
            transactions.executeWithoutResult(status -> slots.release(credentials.apiKey(),
                    properties.requestInterval()));
        } catch (DataAccessException e) {
            // the in-flight lease expires on its own; the key stays paced
            log.warn("Could not release the Tenovi key of {}: {}", credentials.clientDomain(), e.toString());
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
            Thread.sleep(Math.max(1, wait.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TenoviUnavailable(TenoviUnavailable.Kind.INTERRUPTED,
                    "interrupted while waiting for Tenovi (the application is stopping)");
        }
    }
}
