package org.rpmsync.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The ids of the deliveries this instance has just committed (or an admin made due again), for its workers to claim
 * by primary key. A claim of known ids costs the same however many processed rows the inbox holds; the sweep for
 * all that are due reads past every row processed since the table was last vacuumed (their old index entries: a
 * large table's autovacuum waits for a fifth of it to be dead), so it runs once every sweep interval, busy or idle,
 * and again as soon as no id is in mind while sweeps come back full (a backlog: after a restart, or more than this
 * list holds).
 * The sweep finds the rest: other instances' deliveries, retries, ids that did not fit in this bounded list or were
 * lost with a crash.
 */
final class JustStored {

    private final BlockingQueue<Long> ids;
    private final long sweepNanos;
    private volatile long lastSweep;
    private volatile boolean backlog;

    JustStored(int capacity, Duration sweepInterval) {
        this.ids = new ArrayBlockingQueue<>(capacity);
        this.sweepNanos = sweepInterval.toNanos();
        this.lastSweep = System.nanoTime() - sweepNanos; // the first look is a sweep: what waits from before a restart
    }

    void add(long id) {
        ids.offer(id); // when full, the sweep finds it
    }

    /**
     * Up to {@code limit} ids to claim; no ids when it is time to sweep instead (every sweep interval, or while the
     * last sweep came back full and no id is in mind); nothing when neither is due yet.
     */
    Optional<List<Long>> next(int limit) {
        if (System.nanoTime() - lastSweep >= sweepNanos) {
            return Optional.of(List.of());
        }
        if (!ids.isEmpty()) {
            return Optional.of(take(limit));
        }
        return backlog ? Optional.of(List.of()) : Optional.empty();
    }

    /** Up to {@code limit} ids, whatever the time: an empty list when none are in mind. */
    List<Long> take(int limit) {
        List<Long> taken = new ArrayList<>();
        ids.drainTo(taken, limit);
        return taken;
    }

    /** A sweep was made; {@code full}: it found as many as it could take, so more are waiting. */
    void swept(boolean full) {
        lastSweep = System.nanoTime();
        backlog = full;
    }
}
