package org.rpmsync.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** One refresh, backfill or reconciliation job and its progress. {@code status} is queued, running, succeeded or failed. */
record SyncJob(UUID id, UUID organizationId, UUID clientId, String deviceId, SyncTrigger trigger, String status,
               int pagesFetched, int readingsFound, int newMeasurements, String error, Instant createdAt,
               Instant startedAt, Instant finishedAt) {

    static final String QUEUED = "queued";
    static final String RUNNING = "running";
    static final String SUCCEEDED = "succeeded";
    static final String FAILED = "failed";

    boolean finished() {
        return SUCCEEDED.equals(status) || FAILED.equals(status);
    }

    Duration duration() {
        return startedAt == null ? null : Duration.between(startedAt, finishedAt == null ? Instant.now() : finishedAt);
    }
}
