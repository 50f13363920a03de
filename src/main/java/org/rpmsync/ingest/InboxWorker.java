package org.rpmsync.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.rpmsync.organization.OrganizationId;
import org.rpmsync.integrations.TenoviConnections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Processes the inbox after the sender got its answer. Each worker claims a batch with FOR UPDATE SKIP LOCKED and
 * processes it in one transaction; if anything in the batch fails, the rows are retried one by one so a single bad
 * delivery is isolated, retried with backoff and finally marked failed with its reason. A crash rolls the
 * transaction back and releases the locks, so every delivery is processed once.
 * <p>
 * One worker claims at a time unless there is a backlog, and after less than a full batch it waits
 * {@link IngestSettings#gather()} before it claims again, so that under load the deliveries arriving meanwhile make
 * one larger batch (a batch's statements — claim, the devices' histories and Patient IDs, the inserts, the commit — are
 * mostly paid per batch, not per delivery) instead of many small ones competing with the webhook's answers for CPU.
 * While batches come back full, the other workers claim too.
 * The deliveries this instance has just committed are claimed by id first ({@link JustStored}).
 */
@Component
class InboxWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboxWorker.class);
    /** Ids of deliveries stored here and not yet claimed that are kept in mind (about 0.7 MB): seconds of deliveries. */
    private static final int IDS_IN_MIND = 32_768;

    private final Inbox inbox;
    private final TenoviDeliveries deliveries;
    private final TenoviConnections connections;
    private final TransactionTemplate transactions;
    private final IngestSettings settings;
    private final Semaphore wakeUp = new Semaphore(0);
    private final JustStored stored;
    private volatile boolean running;
    /** The last batch claimed was full: more deliveries are due than one worker takes at a time. */
    private volatile boolean behind;
    private ExecutorService threads;

    InboxWorker(Inbox inbox, TenoviDeliveries deliveries, TenoviConnections connections,
                TransactionTemplate transactions, IngestSettings settings) {
        this.inbox = inbox;
        this.deliveries = deliveries;
        this.connections = connections;
        this.transactions = transactions;
        this.settings = settings;
        this.stored = new JustStored(IDS_IN_MIND, settings.sweepInterval());
    }

    /** A delivery was just committed (or made due again): a waiting worker starts now and claims it by id. */
    void nudge(long id) {
        stored.add(id);
        if (wakeUp.availablePermits() == 0) {
            wakeUp.release();
        }
    }

    /** Processes due deliveries until none is left, sweeping at the end; returns how many were handled. For tests. */
    int drain() {
        int total = 0;
        int handled;
        do {
            handled = processBatch(stored.take(settings.batchSize()));
            total += handled;
        } while (handled > 0);
        return total;
    }

    /** A batch as the workers take it: deliveries stored here, or a sweep when due ({@link JustStored#next}). */
    int processBatch() {
        return stored.next(settings.batchSize()).map(this::processBatch).orElse(0);
    }

    /** Claims and processes the given deliveries, or sweeps for the oldest due when none are given. */
    private int processBatch(List<Long> known) {
        Instant now = Instant.now();
        List<Inbox.Message> batch;
        try {
            batch = transactions.execute(status -> {
                List<Inbox.Message> claimed = claim(known, now);
                process(claimed);
                return claimed;
            });
        } catch (RuntimeException e) {
            log.warn("An inbox batch failed ({}); retrying its deliveries one by one", e.getClass().getSimpleName());
            return processOneByOne(known, now);
        }
        behind = batch.size() >= settings.batchSize();
        if (known.isEmpty()) {
            stored.swept(behind);
        }
        remember(batch);
        // all of them were processed already (by a sweep here or elsewhere): on to the next, or a sweep when none are left
        return batch.isEmpty() && !known.isEmpty() ? processBatch(stored.take(settings.batchSize())) : batch.size();
    }

    /** The given deliveries that are still due, or when none are given, the oldest due of all. */
    private List<Inbox.Message> claim(List<Long> known, Instant now) {
        return known.isEmpty() ? inbox.claim(settings.batchSize(), now) : inbox.claim(known, now);
    }

    private int processOneByOne(List<Long> known, Instant now) {
        List<Inbox.Message> due = transactions.execute(status -> claim(known, now));
        int handled = 0;
        for (Inbox.Message candidate : due) {
            try {
                transactions.executeWithoutResult(status -> inbox.claim(candidate.id()).map(List::of).ifPresent(this::process));
                remember(List.of(candidate));
            } catch (RuntimeException e) {
                int attempts = candidate.attempts() + 1;
                Duration retryIn = Duration.ofSeconds(Math.min(300, 1L << Math.min(attempts, 8)));
                ProcessingFailure failure = ProcessingFailure.of(e);
                transactions.executeWithoutResult(status -> inbox.failed(candidate.id(), attempts,
                        settings.maxAttempts(), Instant.now(), retryIn, failure.reason()));
                log.warn("Inbox delivery {} failed (try {} of {}): {}", candidate.id(), attempts,
                        settings.maxAttempts(), failure, e);
            }
            handled++;
        }
        return handled;
    }

    /** Processes claimed deliveries, an organization at a time, and marks each processed with its counts. */
    private void process(List<Inbox.Message> messages) {
        Map<OrganizationId, List<TenoviDeliveries.Inbound>> byOrganization = new LinkedHashMap<>();
        messages.forEach(m -> byOrganization.computeIfAbsent(m.organization(), o -> new ArrayList<>())
                .add(new TenoviDeliveries.Inbound(m.id(), m.body(), m.receivedAt())));
        Map<Long, DeliveryOutcome> outcomes = new HashMap<>();
        byOrganization.forEach((organization, inbound) -> outcomes.putAll(deliveries.processAll(organization, inbound)));
        messages.stream().filter(m -> !outcomes.containsKey(m.id())).findFirst().ifPresent(m -> {
            throw new IllegalStateException("delivery " + m.id() + " was claimed but not processed");
        });
        inbox.processed(outcomes, Instant.now());
    }

    private void remember(List<Inbox.Message> batch) {
        Map<OrganizationId, Instant> latest = new ConcurrentHashMap<>();
        batch.forEach(m -> latest.merge(m.organization(), m.receivedAt(), (a, b) -> a.isAfter(b) ? a : b));
        latest.forEach(connections::webhookReceived);
    }

    /**
     * The first worker processes whatever is due, gathering between partial batches; the others join only while it
     * is behind (its last batch was full), and otherwise look again after {@link IngestSettings#pollInterval()}.
     */
    private void work(boolean first) {
        while (running) {
            try {
                if (first) {
                    int handled = processBatch();
                    if (handled == 0) {
                        wakeUp.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    } else if (handled < settings.batchSize()) {
                        Thread.sleep(settings.gather().toMillis());
                    }
                } else if (!behind || processBatch() < settings.batchSize()) {
                    Thread.sleep(settings.pollInterval().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Inbox worker could not reach the database ({}); retrying", e.getClass().getSimpleName());
                sleep(settings.pollInterval().multipliedBy(4));
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        running = true;
        if (settings.workers() <= 0) {
            return;
        }
        threads = Executors.newFixedThreadPool(settings.workers(), r -> new Thread(r, "inbox-worker"));
        for (int i = 0; i < settings.workers(); i++) {
            boolean first = i == 0;
            threads.submit(() -> work(first));
        }
    }

    @Override
    public void stop() {
        running = false;
        if (threads != null) {
            threads.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
