package org.rpmsync.sync;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.rpmsync.audit.AuditEntry;
import org.rpmsync.audit.AuditLog;
import org.rpmsync.clients.ClientDirectory;
import org.rpmsync.clients.ClientId;
import org.rpmsync.clients.DeviceAssigned;
import org.rpmsync.organization.Actor;
import org.rpmsync.organization.OrganizationId;
import org.rpmsync.tenovi.ReadingFeed;
import org.rpmsync.tenovi.TenoviAccount;
import org.rpmsync.integrations.TenoviConnections;
import org.rpmsync.web.ApiProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Enqueues refresh, first-time backfill and reconciliation jobs. Enqueueing holds the organization's
 * {@code tenovi_sync_state} row, so a second Refresh User Data while one is queued or running joins it, even when
 * the clicks reach two instances.
 */
@Service
class SyncJobs {

    private final SyncJobStore jobs;
    private final SyncState state;
    private final ClientDirectory clients;
    private final TenoviConnections connections;
    private final AuditLog audit;

    SyncJobs(SyncJobStore jobs, SyncState state, ClientDirectory clients, TenoviConnections connections,
             AuditLog audit) {
        this.jobs = jobs;
        this.state = state;
        this.clients = clients;
        this.connections = connections;
        this.audit = audit;
    }

    /** Refresh User Data for one client of the actor's organization; 404 for anybody else's client. */
    @Transactional
    public SyncJob refresh(Actor actor, ClientId client) {
        OrganizationId organization = actor.organizationId();
        if (clients.find(organization, client).isEmpty()) {
            audit.record(AuditEntry.denied(organization.value(), actor.auditName(), "TENOVI_REFRESH_REQUESTED",
                    "client", client.toString()));
            throw ApiProblem.notFound("client");
        }
        lock(organization.value());
        Optional<SyncJob> running = jobs.active(organization.value(), client.value(), SyncTrigger.REFRESH);
        SyncJob job = running.orElseGet(() -> jobs.insert(organization.value(), client.value(), null,
                SyncTrigger.REFRESH, actor.auditName()));
        audit.record(AuditEntry.success(organization.value(), actor.auditName(), "TENOVI_REFRESH_REQUESTED", "client",
                client.toString()).withDetail((running.isPresent() ? "joined job " : "job ") + job.id()));
        return job;
    }

    Optional<SyncJob> find(OrganizationId organization, UUID id) {
        return jobs.find(organization.value(), id);
    }

    Optional<SyncJob> latest(OrganizationId organization, ClientId client) {
        return jobs.latestFor(organization.value(), client.value());
    }

    /** A device mapped for the first time (it has no cursor yet) gets its whole history fetched. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void deviceAssigned(DeviceAssigned event) {
        UUID organization = event.organization().value();
        if (!TenoviAccount.SOURCE.equals(event.source()) || connections.credentials(event.organization()).isEmpty()
                || state.cursor(organization, ReadingFeed.device(event.deviceId()).key()).isPresent()) {
            return;
        }
        lock(organization);
        jobs.insert(organization, event.client().value(), event.deviceId(), SyncTrigger.BACKFILL, "system:backfill");
    }

    /** Enqueues the organization's reconciliation unless one is already waiting or running. */
    @Transactional
    public void reconcile(UUID organization) {
        lock(organization);
        if (jobs.active(organization, null, SyncTrigger.RECONCILIATION).isEmpty()) {
            jobs.insert(organization, null, null, SyncTrigger.RECONCILIATION, "system:reconciliation");
        }
    }

    Optional<Instant> nextReconciliation(OrganizationId organization) {
        return state.nextReconciliation(organization.value());
    }

    private void lock(UUID organization) {
        state.ensure(organization);
        state.lock(organization);
    }
}
