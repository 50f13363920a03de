package org.rpmsync.sync;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.rpmsync.clients.Assignment;
import org.rpmsync.clients.ClientId;
import org.rpmsync.clients.DeviceAssignments;
import org.rpmsync.clients.PatientIds;
import org.rpmsync.measurements.MeasurementRecorder;
import org.rpmsync.measurements.Recorded;
import org.rpmsync.organization.OrganizationId;
import org.rpmsync.tenovi.ReadingFeed;
import org.rpmsync.tenovi.Readings;
import org.rpmsync.tenovi.TenoviAccount;
import org.rpmsync.integrations.TenoviConnections;
import org.rpmsync.tenovi.TenoviCredentials;
import org.rpmsync.integrations.TenoviStatus;
import org.rpmsync.tenovi.TenoviUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one claimed job: for each target, pages since its cursor minus the overlap (a backfill: its whole history),
 * read by {@link TenoviAccount} into readings the way webhooks are, go through {@link MeasurementRecorder} — same
 * unique key, same attribution as webhooks — and
 * each page is committed with the job's progress and, while Tenovi's order is by {@code created}, the cursor. Then
 * the devices' names and statuses are fetched where needed ({@link DeviceDetailsSync}).
 */
@Component
class SyncJobRunner {

    private static final Logger log = LoggerFactory.getLogger(SyncJobRunner.class);

    private final TenoviAccount account;
    private final MeasurementRecorder recorder;
    private final DeviceAssignments assignments;
    private final PatientIds patientIds;
    private final TenoviConnections connections;
    private final SyncJobStore jobs;
    private final SyncState state;
    private final TransactionTemplate transactions;
    private final SyncProperties properties;
    private final DeviceDetailsSync details;

    SyncJobRunner(TenoviAccount account, MeasurementRecorder recorder, DeviceAssignments assignments, PatientIds patientIds, TenoviConnections connections,
                  SyncJobStore jobs, SyncState state, TransactionTemplate transactions, SyncProperties properties,
                  DeviceDetailsSync details) {
        this.details = details;
        this.account = account;
        this.recorder = recorder;
        this.assignments = assignments;
        this.patientIds = patientIds;
        this.connections = connections;
        this.jobs = jobs;
        this.state = state;
        this.transactions = transactions;
        this.properties = properties;
    }

    void run(SyncJob job) {
        OrganizationId organization = OrganizationId.of(job.organizationId());
        try {
            TenoviStatus status = connections.status(organization).status();
            if (status == TenoviStatus.NOT_ENABLED) {
                throw new SyncFailure("Tenovi is not enabled for this organization.");
            }
            if (status == TenoviStatus.CREDENTIALS_REJECTED) {
                throw new SyncFailure("Tenovi rejected the API key. Jobs are paused until the key is fixed in "
                        + "Organization Settings > Integrations.");
            }
            TenoviCredentials credentials = connections.credentials(organization)
                    .orElseThrow(() -> new SyncFailure("Tenovi is not linked for this organization."));
            List<ReadingFeed> targets = targets(job, organization);
            for (ReadingFeed target : targets) {
                walk(job, organization, credentials, target);
            }
            details.afterJob(job, organization, credentials, targets);
            jobs.finish(job.id(), SyncJob.SUCCEEDED, null);
        } catch (TenoviUnavailable stopped) {
            failed(job, organization, SyncFailure.of(stopped));
        } catch (SyncFailure failure) {
            failed(job, organization, failure);
        } catch (RuntimeException e) {
            log.warn("Tenovi {} job {} failed unexpectedly", job.trigger().wire(), job.id(), e);
            jobs.finish(job.id(), SyncJob.FAILED, "An internal error stopped the job; it resumes from its last "
                    + "checkpoint next time. If it keeps failing, contact RPM Sync support.");
        }
    }

    private void failed(SyncJob job, OrganizationId organization, SyncFailure failure) {
        if (failure.keyRejected()) {
            connections.credentialsRejected(organization, failure.getMessage());
        }
        log.info("Tenovi {} job {} failed: {}", job.trigger().wire(), job.id(), failure.getMessage());
        jobs.finish(job.id(), SyncJob.FAILED, failure.getMessage());
    }

    List<ReadingFeed> targets(SyncJob job, OrganizationId organization) {
        Set<ReadingFeed> targets = new LinkedHashSet<>();
        switch (job.trigger()) {
            case BACKFILL -> targets.add(ReadingFeed.device(job.deviceId()));
            case RECONCILIATION -> assignments.mapped(organization, TenoviAccount.SOURCE)
                    .forEach(a -> targets.add(ReadingFeed.device(a.deviceId())));
            case REFRESH -> {
                ClientId client = ClientId.of(job.clientId());
                assignments.held(organization, client).stream().filter(a -> TenoviAccount.SOURCE.equals(a.source()))
                        .map(Assignment::deviceId).forEach(d -> targets.add(ReadingFeed.device(d)));
                patientIds.patientId(organization, client).ifPresent(p -> targets.add(ReadingFeed.patient(p)));
            }
        }
        return new ArrayList<>(targets);
    }

    private void walk(SyncJob job, OrganizationId organization, TenoviCredentials credentials, ReadingFeed target) {
        UUID org = organization.value();
        Optional<Instant> cursor = job.trigger() == SyncTrigger.BACKFILL ? Optional.empty()
                : state.cursor(org, target.key());
        Instant from = cursor.map(c -> c.minus(properties.overlap())).orElse(null);
        Progress progress = new Progress();
        boolean known = account.readings(credentials, target, from, properties.pageSize(),
                page -> store(job, organization, target, page, progress));
        if (!known) {
            log.info("Tenovi does not know {} (job {}); skipped", target.key(), job.id());
        } else if (!progress.ordered && progress.max != null) {
            transactions.executeWithoutResult(s -> state.advance(org, target.key(), progress.max));
        }
    }

    private void store(SyncJob job, OrganizationId organization, ReadingFeed target, Readings page,
                       Progress progress) {
        Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant pageMax = null;
        for (Instant created : page.created()) {
            progress.ordered &= progress.last == null || !created.isBefore(progress.last);
            progress.last = created;
            pageMax = pageMax == null || created.isAfter(pageMax) ? created : pageMax;
        }
        if (pageMax != null && (progress.max == null || pageMax.isAfter(progress.max))) {
            progress.max = pageMax;
        }
        Instant checkpoint = progress.ordered ? progress.max : null;
        transactions.executeWithoutResult(s -> {
            Recorded recorded = recorder.record(organization, page.readings(), receivedAt, job.trigger().origin());
            recorder.reject(organization, page.rejections(), receivedAt, job.trigger().origin(), null);
            if (checkpoint != null) {
                state.advance(organization.value(), target.key(), checkpoint);
            }
            jobs.progress(job.id(), 1, page.items(), recorded.stored(), Instant.now().plus(properties.lease()));
        });
    }

    /** What one target's walk has seen so far: the greatest {@code created} and whether it came in order. */
    private static final class Progress {
        Instant max;
        Instant last;
        boolean ordered = true;
    }
}
