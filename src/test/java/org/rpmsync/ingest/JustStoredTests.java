package org.rpmsync.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rpmsync.RpmSyncTest;
import org.rpmsync.TestWorld;
import org.rpmsync.integrations.TenoviConnections;
import org.rpmsync.organization.Organization;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worker claims the deliveries this instance just stored by id, and sweeps for all that are due first, then once
 * every sweep interval, and again at once while sweeps come back full (issue 16: a sweep reads past every row
 * processed since the last vacuum). Workers are off; each test drives workers of its own (batches of 10), after a
 * drain that leaves nothing due.
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
        return new InboxWorker(inbox, deliveries, connections, transactions,
                new IngestSettings(null, null, 0, 10, null, sweepInterval, null, null, null, null));
    }

    /** A worker whose sweep is not due again for an hour, with nothing due left in the inbox. */
    private InboxWorker drained() {
        InboxWorker worker = worker(Duration.ofHours(1));
        worker.drain();
        return worker;
    }

    private long stored(Organization clinic, String device) {
        return inbox.store(clinic.id(), WebhookIngestTests.opening(device, Instant.parse("2024-10-16T12:00:00Z"), 4, 1),
                Instant.now(), "application/json", null);
    }

    private String status(long id) {
        return jdbc.sql("select status from inbox_messages where id = ?").param(id).query(String.class).single();
    }

    @Test
    void deliveriesStoredHereAreClaimedByIdAndOthersOnlyBySweeping() {
        Organization clinic = fixtures.tenoviOrganization();
        InboxWorker worker = drained();
        long here = stored(clinic, "here-1");
        long elsewhere = stored(clinic, "elsewhere-1");
        worker.nudge(here);

        assertThat(worker.processBatch()).isEqualTo(1);
        assertThat(status(here)).isEqualTo("PROCESSED");
        assertThat(worker.processBatch()).as("nothing in mind, sweep not due").isZero();
        assertThat(status(elsewhere)).isEqualTo("PENDING");

        worker.drain();
        assertThat(status(elsewhere)).isEqualTo("PROCESSED");
    }

    @Test
    void onceTheSweepIntervalHasPassedTheWorkerSweepsEvenWithIdsInMind() {
        Organization clinic = fixtures.tenoviOrganization();
        drained();
        InboxWorker worker = worker(Duration.ZERO);
        long here = stored(clinic, "here-2");
        long elsewhere = stored(clinic, "elsewhere-2");
        worker.nudge(here);

        assertThat(worker.processBatch()).isEqualTo(2);
        assertThat(status(here)).isEqualTo("PROCESSED");
        assertThat(status(elsewhere)).isEqualTo("PROCESSED");
    }

    @Test
    void idsAlreadyProcessedElsewhereLeadToASweepWhenNoneAreLeft() {
        Organization clinic = fixtures.tenoviOrganization();
        long gone = stored(clinic, "gone-3");
        InboxWorker worker = drained();
        long elsewhere = stored(clinic, "elsewhere-3");
        worker.nudge(gone);

        assertThat(worker.processBatch()).isEqualTo(1);
        assertThat(status(elsewhere)).isEqualTo("PROCESSED");
    }

    @Test
    void aNewWorkerSweepsFirstAndAgainWhileSweepsComeBackFullAfterTheIdsInMind() {
        Organization clinic = fixtures.tenoviOrganization();
        drained();
        List<Long> backlog = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            backlog.add(stored(clinic, "backlog-" + i));
        }
        InboxWorker restarted = worker(Duration.ofHours(1));

        assertThat(restarted.processBatch()).as("first look: a sweep, full").isEqualTo(10);
        long here = stored(clinic, "here-4");
        restarted.nudge(here);
        assertThat(restarted.processBatch()).as("ids in mind come first").isEqualTo(1);
        assertThat(status(here)).isEqualTo("PROCESSED");
        assertThat(restarted.processBatch()).as("then, the last sweep full, a sweep again at once").isEqualTo(10);
        assertThat(restarted.processBatch()).isEqualTo(5);
        assertThat(restarted.processBatch()).as("the backlog is gone; next sweep in an hour").isZero();
        assertThat(backlog).allSatisfy(id -> assertThat(status(id)).isEqualTo("PROCESSED"));
    }
}
