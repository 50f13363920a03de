package org.rpmsync.ingest;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.rpmsync.RpmSyncTest;
import org.rpmsync.TestWorld;
import org.rpmsync.organization.Organization;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Trust scenarios 11 and 12: crashes before and during processing, and a delivery that keeps failing. Workers are
 * off so each step is explicit.
 */
@RpmSyncTest
class InboxRecoveryTests extends TestWorld {

    @Autowired
    Inbox inbox;
    @Autowired
    InboxWorker worker;
    @Autowired
    TenoviDeliveries deliveries;
    @Autowired
    TransactionTemplate transactions;

    private long readings(Organization organization) {
        return jdbc.sql("select count(*) from measurements where organization_id = ?")
                .param(organization.id().value()).query(Long.class).single();
    }

    private String body(String device) {
        return WebhookIngestTests.opening(device, Instant.parse("2024-10-16T12:00:00Z"), 4, 1);
    }

    @Test
    void aDeliveryCommittedBeforeACrashIsProcessedOnceAfterRestart() {
        Organization clinic = fixtures.tenoviOrganization();
        inbox.store(clinic.id(), body("crash-1"), Instant.now(), "application/json", null);
        assertThat(readings(clinic)).isZero();
        worker.drain();
        worker.drain();
        assertThat(readings(clinic)).isEqualTo(1);
    }

    @Test
    void aCrashMidProcessingRollsBackAndTheDeliveryIsProcessedOnceLater() {
        Organization clinic = fixtures.tenoviOrganization();
        long id = inbox.store(clinic.id(), body("crash-2"), Instant.now(), "application/json", null);
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            inbox.claim(id).ifPresent(m -> deliveries.process(m.organization(), m.body(), m.receivedAt(), m.id()));
            throw new IllegalStateException("killed mid-processing");
        })).hasMessage("killed mid-processing");
        assertThat(readings(clinic)).as("rolled back").isZero();
        worker.drain();
        assertThat(readings(clinic)).isEqualTo(1);
        assertThat(jdbc.sql("select status from inbox_messages where id = ?").param(id).query(String.class).single())
                .isEqualTo("PROCESSED");
    }

    @Autowired
    org.rpmsync.integrations.TenoviConnections connections;

    @Test
    void aDeliveryThatKeepsFailingIsMarkedFailedWithItsReasonAndCanBeProcessedAgain() {
        Organization clinic = fixtures.tenoviOrganization();
        long id = inbox.store(clinic.id(), body("fails-1"), Instant.now(), "application/json", null);
        TenoviDeliveries broken = org.mockito.Mockito.mock(TenoviDeliveries.class);
        org.mockito.Mockito.when(broken.processAll(org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any()))
                .thenThrow(new IllegalStateException("simulated processing bug"));
        var failing = new InboxWorker(inbox, broken, connections, transactions,
                new IngestSettings(null, null, 0, 10, null, null, null, 1, null, null));
        failing.drain();
        assertThat(jdbc.sql("select status || ' ' || last_error from inbox_messages where id = ?").param(id)
                .query(String.class).single()).isEqualTo("FAILED " + ProcessingFailure.INTERNAL.reason());
        assertThat(readings(clinic)).isZero();
        assertThat(inbox.retry(clinic.id(), id)).isTrue();
        worker.drain();
        assertThat(readings(clinic)).isEqualTo(1);
    }
}
