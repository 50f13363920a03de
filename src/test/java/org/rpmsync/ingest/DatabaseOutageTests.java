package org.rpmsync.ingest;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rpmsync.Fixtures;
import org.rpmsync.PostgresTestDatabase;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Trust scenarios 14 and 15: the database goes away and comes back. This app reaches PostgreSQL through a proxy the
 * test cuts (closing every connection, refusing new ones) and restores; JDBC socket timeouts turn any half-open
 * connection into an error instead of a hang.
 */
@SpringBootTest(properties = {"rpmsync.ingest.workers=0", "spring.datasource.hikari.maximum-pool-size=3"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Timeout(120)
class DatabaseOutageTests {

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
                + PostgresTestDatabase.database() + "?connectTimeout=2&socketTimeout=10");
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
    InboxWorker worker;
    @Autowired
    JdbcClient jdbc;

    private String body(String device) {
        return WebhookIngestTests.opening(device, Instant.parse("2024-10-16T12:00:00Z"), 4, 1);
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
        assertThat(jdbc.sql("select count(*) from measurements where organization_id = ?").param(webhook.organization().id().value()).query(Long.class).single()).isEqualTo(1);
    }
}
