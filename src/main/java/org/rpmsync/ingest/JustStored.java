package org.rpmsync.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The ids of the deliveries this instance has just committed (or an admin made due again), for its workers to claim
 * by primary key. A claim of known ids costs the same however many processed rows the inbox holds; the sweep for
 * all that are due reads past every row processed since the table was last vacuumed (their old index entries), so
 * it runs only when no id is in mind, and otherwise once every sweep interval. The sweep finds the rest: other
 * instances' deliveries, retries, ids that did not fit in this bounded list or were lost with a crash.
 */
final class JustStored {

    private final BlockingQueue<Long> ids;
    private final long sweepEveryNanos;
    private volatile long lastSweep = System.nanoTime();

    JustStored(int capacity, Duration sweepInterval) {
        this.ids = new ArrayBlockingQueue<>(capacity);
        this.sweepEveryNanos = sweepInterval.toNanos();
    }

    void add(long id) {
        ids.offer(id); // when full, the sweep finds it
    }

    /** Up to {@code limit} ids to claim, or none when it is time to sweep instead. */
    List<Long> next(int limit) {
        List<Long> next = new ArrayList<>();
        if (System.nanoTime() - lastSweep < sweepEveryNanos) {
            ids.drainTo(next, limit);
        }
        return next;
    }

    void swept() {
        lastSweep = System.nanoTime();
    }
}
