package org.rpmsync.cluster;

import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One call at a time per key (an API key of a service that allows so many calls a second) across every instance,
 * and the next one only {@link Pace#interval} after the previous one was answered: the service received the previous
 * call before we got its answer, so two calls reach it at least the interval apart whatever the network and
 * scheduling delays (pacing from the send times alone let a delayed request reach Tenovi 0.1-0.2 s "late" and the
 * next one on time, and Tenovi answered 429). The state is the key's row in {@code tenovi_request_slots}
 * ({@link PacingSlots}), changed in short transactions of their own, so a caller's transaction never holds it.
 * {@link #holdOff} pushes the key back for everyone (after a 429).
 */
@Component
public class PacedCalls {

    private static final Logger log = LoggerFactory.getLogger(PacedCalls.class);
    /** How often a caller looks again while another call with its key is in flight. */
    private static final Duration POLL = Duration.ofMillis(25);

    /**
     * How calls with a key are paced: the next leaves {@code interval} after the previous answer; a call in flight
     * holds the key for at most {@code lease} (its instance may die).
     */
    public record Pace(Duration interval, Duration lease) {
    }

    private final PacingSlots slots;
    private final TransactionTemplate transactions;

    public PacedCalls(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.slots = new PacingSlots(jdbc);
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Makes {@code call} once the key is free; {@link PacingUnavailable} when no turn could be had. */
    public <T> T paced(String key, Pace pace, Supplier<T> call) {
        claim(key, pace.lease());
        try {
            return call.get();
        } finally {
            release(key, pace.interval());
        }
    }

    /** Nobody calls with this key for {@code wait} (the service said 429). */
    public void holdOff(String key, Duration wait) {
        try {
            transactions.executeWithoutResult(status -> slots.holdOff(key, wait));
        } catch (DataAccessException | TransactionException e) {
            log.warn("Could not hold a paced key back: {}", e.toString());
        }
    }

    /** Waits {@code wait}; {@link PacingUnavailable} ({@code interrupted}) when the thread is interrupted. */
    public static void sleep(Duration wait) {
        if (wait == null || wait.isNegative() || wait.isZero()) {
            return;
        }
        try {
            Thread.sleep(Math.max(1, wait.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PacingUnavailable("interrupted while waiting (the application is stopping)", true);
        }
    }

    private void claim(String key, Duration lease) {
        while (true) {
            PacingSlots.Claim claim;
            try {
                claim = transactions.execute(status -> slots.claim(key, lease, POLL));
            } catch (DataAccessException | TransactionException e) {
                throw new PacingUnavailable("the shared pacing is unavailable (database)", false);
            }
            if (claim.granted()) {
                return;
            }
            sleep(claim.retryIn());
        }
    }

    private void release(String key, Duration interval) {
        try {
            transactions.executeWithoutResult(status -> slots.release(key, interval));
        } catch (DataAccessException | TransactionException e) {
            // the in-flight lease runs out on its own; the key stays paced
            log.warn("Could not release a paced key: {}", e.toString());
        }
    }
}
