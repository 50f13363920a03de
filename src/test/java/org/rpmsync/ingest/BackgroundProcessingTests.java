package org.rpmsync.ingest;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.rpmsync.Fixtures;
import org.rpmsync.RpmSyncTest;
import org.rpmsync.TestWorld;
import org.springframework.test.context.TestPropertySource;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The inbox workers process a delivery on their own, soon after it was acknowledged. */
@RpmSyncTest
@TestPropertySource(properties = "rpmsync.ingest.workers=2")
class BackgroundProcessingTests extends TestWorld {

    @Test
    void workersProcessAcceptedDeliveriesWithoutBeingAsked() throws Exception {
        Fixtures.Webhook webhook = fixtures.tenoviWebhook(fixtures.tenoviOrganization());
        deliver(webhook, WebhookIngestTests.opening("bg-1", Instant.parse("2024-10-16T12:00:00Z"), 4, 1))
                .andExpect(status().isAccepted());
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("select count(*) from measurements "
                + "where organization_id = ?").param(webhook.organization().id().value()).query(Long.class).single() == 1);
    }
}
