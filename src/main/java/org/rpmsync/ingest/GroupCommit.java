package org.rpmsync.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.stereotype.Component;

/**
 * Group commit for the webhook: the deliveries of concurrent requests are written by one multi-row INSERT and one
 * commit. A request hands its delivery over and waits for that commit; it gets its id only when the commit
 * succeeded, and an exception (the endpoint answers 503) when it failed or took longer than
 * {@link ReceiveSettings#commitWait()}. A delivery whose request gave up before its batch was written is not
 * written at all; one whose request gave up while its batch was being written may be stored although the sender
 * was told to retry (its natural key keeps the retry from becoming a second reading).
 */
@Component
class GroupCommit implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);
    private static final int WAITING = 0, WRITING = 1, ABANDONED = 2;

    private final Inbox inbox;
    private final ReceiveSettings settings;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private ExecutorService threads;

    GroupCommit(Inbox inbox, ReceiveSettings settings) {
        this.inbox = inbox;
        this.settings = settings;
    }

    /** Stores the delivery with others received at the same time; returns its id once committed. */
    long store(Inbox.NewDelivery delivery) {
        if (!running) {
            throw new TransientDataAccessResourceException("Deliveries are not being stored right now.");
        }
        Pending pending = new Pending(delivery);
        queue.add(pending);
        try {
            return pending.id.get(settings.commitWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.state.compareAndSet(WAITING, ABANDONED);
            throw new TransientDataAccessResourceException("The delivery was not committed in time.");
        } catch (InterruptedException e) {
            pending.state.compareAndSet(WAITING, ABANDONED);
            Thread.currentThread().interrupt();
            throw new TransientDataAccessResourceException("Interrupted while waiting for the commit.");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof DataAccessException d ? d
                    : new TransientDataAccessResourceException("The delivery could not be committed.", e.getCause());
        }
    }

    /** Deliveries handed over and not yet written (for tests that hold the database). */
    int waiting() {
        return queue.size();
    }

    private void commitBatches() {
        List<Pending> batch = new ArrayList<>(settings.commitBatch());
        while (running || !queue.isEmpty()) {
            batch.clear();
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
            } catch (InterruptedException e) {
                if (!running) {
                    break;
                }
                continue;
            }
            queue.drainTo(batch, settings.commitBatch() - 1);
            batch.removeIf(p -> !p.state.compareAndSet(WAITING, WRITING));
            if (!batch.isEmpty()) {
                write(batch);
            }
        }
        Pending left;
        while ((left = queue.poll()) != null) {
            left.id.completeExceptionally(new TransientDataAccessResourceException("The app is stopping."));
        }
    }

    private void write(List<Pending> batch) {
        try {
            List<Long> ids = inbox.storeAll(batch.stream().map(Pending::delivery).toList(), settings.commitWait());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).id.complete(ids.get(i));
            }
        } catch (RuntimeException e) {
            log.warn("A group commit of {} deliveries failed ({}); each is answered 503", batch.size(),
                    e.getClass().getSimpleName());
            batch.forEach(p -> p.id.completeExceptionally(e));
        }
    }

    @Override
    public void start() {
        running = true;
        threads = Executors.newFixedThreadPool(settings.committers(), r -> new Thread(r, "inbox-committer"));
        for (int i = 0; i < settings.committers(); i++) {
            threads.submit(this::commitBatches);
        }
    }

    @Override
    public void stop() {
        running = false;
        threads.shutdown();
        try {
            threads.awaitTermination(settings.commitWait().toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before and stops after the web server, so that no request finds it stopped. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    private record Pending(Inbox.NewDelivery delivery, CompletableFuture<Long> id, AtomicInteger state) {
        Pending(Inbox.NewDelivery delivery) {
            this(delivery, new CompletableFuture<>(), new AtomicInteger(WAITING));
        }
    }
}
