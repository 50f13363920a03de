package org.rpmsync;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** What a test's local receiver got, in arrival order, for a test to wait on. */
public final class Arrivals<T> {

    private final LinkedBlockingQueue<T> arrived = new LinkedBlockingQueue<>();

    public void add(T arrival) {
        arrived.add(arrival);
    }

    /** Waits for {@code count} arrivals (at most 5 s), then a little longer for stragglers to be sure. */
    public List<T> await(int count) throws InterruptedException {
        var out = new ArrayList<T>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (out.size() < count && System.nanoTime() < deadline) {
            var next = arrived.poll(50, TimeUnit.MILLISECONDS);
            if (next != null) {
                out.add(next);
            }
        }
        var extra = arrived.poll(100, TimeUnit.MILLISECONDS);
        if (extra != null) {
            out.add(extra);
            arrived.drainTo(out);
        }
        return out;
    }
}
