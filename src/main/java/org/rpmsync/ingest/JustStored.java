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
 * all that are due reads past every row processed since the table was last vacuumed (their old index entries), so
 * it runs once every sweep interval while ids keep coming, and once every poll interval when none are in mind. The
 * sweep finds the rest: other instances' deliveries, retries, ids that did not fit in this bounded list or were lost
 * with a crash.
 */
final class JustStored {

    private final BlockingQueue<Long> ids;
    private final long pollNanos;
    private final long sweepNanos;
    private volatile long lastSweep = System.nanoTime();

    JustStored(int capacity, Duration pollInterval, Duration sweepInterval) {
        this.ids = new ArrayBlockingQueue<>(capacity);
        this.pollNanos = pollInterval.toNanos();
        this.sweepNanos = sweepInterval.toNanos();
    }

    void add(long id) {
        ids.offer(id); // when full, the sweep finds it
    }

    /** Up to {@code limit} ids to claim; no ids when it is time to sweep instead; nothing when neither is due yet. */
    Optional<List<Long>> next(int limit) {
        long since = System.nanoTime() - lastSweep;
        if (since >= sweepNanos || ids.isEmpty() && since >= pollNanos) {
            return Optional.of(List.of());
        }
        return ids.isEmpty() ? Optional.empty() : Optional.of(take(limit));
    }

    /** Up to {@code limit} ids, whatever the time: an empty list when none are in mind. */
    List<Long> take(int limit) {
        List<Long> taken = new ArrayList<>();
        ids.drainTo(taken, limit);
        return taken;
    }

    void swept() {
        lastSweep = System.nanoTime();
    }
}
