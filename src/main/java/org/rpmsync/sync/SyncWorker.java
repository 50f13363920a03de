package org.rpmsync.sync;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.rpmsync.integrations.TenoviConnections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs jobs on every instance, cluster-safe through the database: a job is claimed while holding its organization's
 * {@code tenovi_sync_state} row ({@code FOR UPDATE SKIP LOCKED}) and only when no other job of that organization
 * holds a live lease; a job whose instance died is taken over when its lease expires and resumes from its cursors.
 * The same tick enqueues each connected organization's reconciliation when it is due.
 */
@Component
class SyncWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SyncWorker.class);

    private final SyncJobStore jobs;
    private final SyncState state;
    private final SyncJobs enqueue;
    private final SyncJobRunner runner;
    private final TenoviConnections connections;
    private final TransactionTemplate transactions;
    private final SyncProperties properties;
    private final String owner = "worker-" + UUID.randomUUID();
    private final Set<UUID> busy = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private ScheduledExecutorService ticker;
    private ExecutorService pool;

    SyncWorker(SyncJobStore jobs, SyncState state, SyncJobs enqueue, SyncJobRunner runner,
               TenoviConnections connections, TransactionTemplate transactions, SyncProperties properties) {
        this.connections = connections;
        this.jobs = jobs;
        this.state = state;
        this.enqueue = enqueue;
        this.runner = runner;
        this.transactions = transactions;
        this.properties = properties;
    }

    /** Claims and runs, in the calling thread, the organization's jobs that can run now (tests, worker switched off). */
    int drain(UUID organization) {
        int ran = 0;
        for (Optional<SyncJob> job = claim(organization); job.isPresent(); job = claim(organization)) {
            runner.run(job.get());
            busy.remove(job.get().organizationId());
            ran++;
        }
        return ran;
    }

    void tick() {
        try {
            Instant now = Instant.now();
            for (UUID organization : connections.connected()) {
                if (state.claimReconciliation(organization, now, properties.reconcileInterval())) {
                    enqueue.reconcile(organization);
                }
            }
            while (busy.size() < properties.workers()) {
                Optional<SyncJob> job = claim(null);
                if (job.isEmpty()) {
                    break;
                }
                pool.submit(() -> {
                    try {
                        runner.run(job.get());
                    } finally {
                        busy.remove(job.get().organizationId());
                    }
                });
            }
        } catch (RuntimeException e) {
            log.warn("Tenovi sync worker tick failed: {}", e.toString());
        }
    }

    private Optional<SyncJob> claim(UUID only) {
        Instant now = Instant.now();
        for (UUID organization : jobs.organizationsWithWork(now)) {
            if (only != null && !only.equals(organization) || !busy.add(organization)) {
                continue;
            }
            state.ensure(organization);
            Optional<SyncJob> job = transactions.execute(s -> {
                if (!state.tryLock(organization) || jobs.runningElsewhere(organization, now)) {
                    return Optional.<SyncJob>empty();
                }
                Optional<SyncJob> next = jobs.next(organization, now);
                next.ifPresent(j -> jobs.start(j.id(), owner, now.plus(properties.lease())));
                return next;
            });
            if (job.isPresent()) {
                return job;
            }
            busy.remove(organization);
        }
        return Optional.empty();
    }

    @Override
    public void start() {
        running = true;
        if (!properties.syncWorker()) {
            return;
        }
        pool = Executors.newFixedThreadPool(properties.workers(), r -> new Thread(r, "tenovi-sync"));
        ticker = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "tenovi-sync-tick"));
        long every = properties.pollInterval().toMillis();
        ticker.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        if (ticker != null) {
            ticker.shutdownNow();
            pool.shutdownNow();
            try {
                pool.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
