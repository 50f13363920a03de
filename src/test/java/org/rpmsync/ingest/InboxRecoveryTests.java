package org.rpmsync.ingest;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.rpmsync.Fixtures;
import org.rpmsync.PostgresTestDatabase;
import org.rpmsync.organization.Organization;
import org.rpmsync.tenovi.TenoviDeliveries;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Trust scenarios 11, 12, 14 and 15: crashes before and during processing, and the database going away and coming
 * back. The app reaches PostgreSQL through a proxy the test can cut; workers are off so each step is explicit.
 */
@SpringBootTest(properties = {"rpmsync.ingest.workers=0", "spring.datasource.hikari.maximum-pool-size=4"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
class InboxRecoveryTests {

    static final DatabaseProxy proxy = start();

    static DatabaseProxy start() {
        try {
            String server = System.getenv().getOrDefault("RPMSYNC_TEST_PG", "127.0.0.1:5432");
            return new DatabaseProxy(Integer.parseInt(server.substring(server.indexOf(':') + 1)));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void throughProxy(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/"
                + PostgresTestDatabase.database());
        registry.add("spring.datasource.username", PostgresTestDatabase::user);
    }

    @AfterAll
    static void stop() throws Exception {
        proxy.close();
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Inbox inbox;
    @Autowired
    InboxWorker worker;
    @Autowired
    TenoviDeliveries deliveries;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;

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
    org.rpmsync.tenovi.TenoviConnections connections;

    @Test
    void aDeliveryThatKeepsFailingIsMarkedFailedWithItsReasonAndCanBeProcessedAgain() {
        Organization clinic = fixtures.tenoviOrganization();
        long id = inbox.store(clinic.id(), body("fails-1"), Instant.now(), "application/json", null);
        TenoviDeliveries broken = org.mockito.Mockito.mock(TenoviDeliveries.class);
        org.mockito.Mockito.when(broken.process(org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any(),
                org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any()))
                .thenThrow(new IllegalStateException("simulated processing bug"));
        var failing = new InboxWorker(inbox, broken, connections, transactions,
                new IngestSettings(null, null, 0, 10, null, 1, null, null));
        failing.drain();
        assertThat(jdbc.sql("select status || ' ' || last_error from inbox_messages where id = ?").param(id)
                .query(String.class).single()).isEqualTo("FAILED IllegalStateException: simulated processing bug");
        assertThat(readings(clinic)).isZero();
        assertThat(inbox.retry(clinic.id(), id)).isTrue();
        worker.drain();
        assertThat(readings(clinic)).isEqualTo(1);
    }

    @Test
    void whileTheDatabaseIsDownTheWebhookAnswers503FastAndRecoversByItself() throws Exception {
        Fixtures.Webhook webhook = fixtures.tenoviWebhook(fixtures.tenoviOrganization());
        proxy.cut();
        try {
            long started = System.nanoTime();
            MvcResult refused = mvc.perform(post(webhook.path()).header(webhook.header(), webhook.secret())
                    .contentType(MediaType.APPLICATION_JSON).content(body("down-1"))).andReturn();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(refused.getResponse().getStatus()).isEqualTo(503);
            assertThat(refused.getResponse().getHeader("Retry-After")).isNotBlank();
            assertThat(took).isLessThan(Duration.ofSeconds(5));
        } finally {
            proxy.restore();
        }
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() ->
                mvc.perform(post(webhook.path()).header(webhook.header(), webhook.secret())
                        .contentType(MediaType.APPLICATION_JSON).content(body("down-1"))).andReturn()
                        .getResponse().getStatus() == 202);
        worker.drain();
        assertThat(readings(webhook.organization())).isEqualTo(1);
    }
}
