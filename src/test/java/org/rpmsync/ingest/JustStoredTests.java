package org.rpmsync.ingest;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.rpmsync.RpmSyncTest;
import org.rpmsync.TestWorld;
import org.rpmsync.integrations.TenoviConnections;
import org.rpmsync.organization.Organization;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worker claims the deliveries this instance just stored by id, and sweeps for all that are due when it has none
 * in mind or its sweep interval has passed (issue 16: the sweep reads past every row processed since the last
 * vacuum). Workers are off; each test drives a worker of its own.
 */
@RpmSyncTest
class JustStoredTests extends TestWorld {

    @Autowired
    Inbox inbox;
    @Autowired
    TenoviDeliveries deliveries;
    @Autowired
    TenoviConnections connections;
    @Autowired
    TransactionTemplate transactions;

    private InboxWorker worker(Duration sweepInterval) {
        return worker(Duration.ZERO, sweepInterval);
    }

    private InboxWorker worker(Duration pollInterval, Duration sweepInterval) {
        return new InboxWorker(inbox, deliveries, connections, transactions,
                new IngestSettings(null, null, 0, 10, pollInterval, sweepInterval, null, null, null, null));
    }

    private long stored(Organization clinic, String device) {
        return inbox.store(clinic.id(), WebhookIngestTests.opening(device, Instant.parse("2024-10-16T12:00:00Z"), 4, 1),
                Instant.now(), "application/json", null);
    }

    private String status(long id) {
        return jdbc.sql("select status from inbox_messages where id = ?").param(id).query(String.class).single();
    }

    @Test
    void deliveriesStoredHereAreClaimedByIdAndOthersBySweepingWhenNoneAreLeftInMind() {
        Organization clinic = fixtures.tenoviOrganization();
        InboxWorker worker = worker(Duration.ofHours(1));
        long here = stored(clinic, "here-1");
        long elsewhere = stored(clinic, "elsewhere-1");
        worker.nudge(here);

        assertThat(worker.processBatch()).isEqualTo(1);
        assertThat(status(here)).isEqualTo("PROCESSED");
        assertThat(status(elsewhere)).as("not swept while a delivery stored here was in mind").isEqualTo("PENDING");

        worker.drain();
        assertThat(status(elsewhere)).isEqualTo("PROCESSED");
    }

    @Test
    void onceTheSweepIntervalHasPassedTheWorkerSweepsEvenWithIdsInMind() {
        Organization clinic = fixtures.tenoviOrganization();
        InboxWorker worker = worker(Duration.ZERO);
        long here = stored(clinic, "here-2");
        long elsewhere = stored(clinic, "elsewhere-2");
        worker.nudge(here);

        assertThat(worker.processBatch()).isGreaterThanOrEqualTo(2);
        assertThat(status(here)).isEqualTo("PROCESSED");
        assertThat(status(elsewhere)).isEqualTo("PROCESSED");
    }

    @Test
    void anIdAlreadyProcessedElsewhereMakesTheWorkerSweepAtOnce() {
        Organization clinic = fixtures.tenoviOrganization();
        long gone = stored(clinic, "gone-3");
        worker(Duration.ofHours(1)).drain();
        long elsewhere = stored(clinic, "elsewhere-3");
        InboxWorker worker = worker(Duration.ofHours(1));
        worker.nudge(gone);

        assertThat(worker.processBatch()).isGreaterThanOrEqualTo(1);
        assertThat(status(elsewhere)).isEqualTo("PROCESSED");
    }

    @Test
    void withNoneInMindAnIdleWorkerSweepsOnlyOnceThePollIntervalHasPassed() {
        Organization clinic = fixtures.tenoviOrganization();
        long elsewhere = stored(clinic, "elsewhere-4");

        assertThat(worker(Duration.ofHours(1), Duration.ofHours(1)).processBatch()).isZero();
        assertThat(status(elsewhere)).isEqualTo("PENDING");
        assertThat(worker(Duration.ZERO, Duration.ofHours(1)).processBatch()).isGreaterThanOrEqualTo(1);
        assertThat(status(elsewhere)).isEqualTo("PROCESSED");
    }
}
