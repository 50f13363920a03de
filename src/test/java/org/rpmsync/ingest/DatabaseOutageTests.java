package org.rpmsync.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rpmsync.Fixtures;
import org.rpmsync.PostgresTestDatabase;
import org.rpmsync.TestWorld;
import org.rpmsync.organization.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Trust scenarios 14 and 15: the database goes away and comes back. This app reaches PostgreSQL through a proxy the
 * test cuts (closing every connection, refusing new ones) and restores; JDBC socket timeouts turn any half-open
 * connection into an error instead of a hang.
 */
@SpringBootTest(properties = {"rpmsync.ingest.workers=0", "spring.datasource.hikari.maximum-pool-size=3"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Timeout(120)
class DatabaseOutageTests extends TestWorld {

    static final DatabaseProxy proxy = start();

    static DatabaseProxy start() {
        try {
            String server = org.rpmsync.PostgresTestDatabase.server();
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
    InboxWorker worker;

    private String body(String device) {
        return WebhookIngestTests.opening(device, Instant.parse("2024-10-16T12:00:00Z"), 4, 1);
    }

    record Answer(String what, int status, String retryAfter, Duration took) {
    }

    Callable<Answer> timed(String what, MockHttpServletRequestBuilder request) {
        return () -> {
            long started = System.nanoTime();
            MvcResult result = mvc.perform(request).andReturn();
            return new Answer(what, result.getResponse().getStatus(), result.getResponse().getHeader("Retry-After"),
                    Duration.ofNanos(System.nanoTime() - started));
        };
    }

    /**
     * Issue 13 §6: the database accepts connections but stops answering. Webhooks, API calls and pages alike answer
     * 503 with Retry-After within 2 s — the datasource URL's own socket timeout (10 s) would be far too late — and
     * everything works again once the database answers.
     */
    @Test
    void whileTheDatabaseStallsEveryRequestAnswers503WithRetryAfterWithinTwoSeconds() throws Exception {
        Fixtures.Webhook webhook = fixtures.tenoviWebhook(fixtures.tenoviOrganization());
        String token = fixtures.orgToken(webhook.organization());
        RequestPostProcessor nurse = fixtures.signedIn(fixtures.staff(webhook.organization(), Role.PRACTITIONER));
        List<Callable<Answer>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(timed("webhook " + i, delivery(webhook, body("stall-" + i))));
        }
        for (int i = 0; i < 3; i++) {
            calls.add(timed("api " + i, get("/api/v1/users").header("Authorization", "Bearer " + token)));
            calls.add(timed("page " + i, get("/clients").with(nurse)));
        }
        // Warm up (templates compiled, code paths loaded): the stall, not a cold start, is what is measured.
        assertThat(mvc.perform(get("/clients").with(nurse)).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/api/v1/users").header("Authorization", "Bearer " + token)).andReturn()
                .getResponse().getStatus()).isEqualTo(200);
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        proxy.stall();
        List<Answer> answers = new ArrayList<>();
        try {
            for (Future<Answer> answer : pool.invokeAll(calls)) {
                answers.add(answer.get());
            }
            // A second wave, once the pool's connections are known to be stuck.
            for (Future<Answer> answer : pool.invokeAll(calls)) {
                answers.add(answer.get());
            }
        } finally {
            proxy.resume();
            pool.shutdown();
        }
        System.out.printf("stalled database: %d answers, slowest %d ms%n", answers.size(),
                answers.stream().mapToLong(a -> a.took().toMillis()).max().orElse(0));
        assertThat(answers).allSatisfy(a -> {
            assertThat(a.status()).as(a.what()).isEqualTo(503);
            assertThat(a.retryAfter()).as(a.what()).isNotBlank();
            assertThat(a.took()).as(a.what()).isLessThan(Duration.ofSeconds(2));
        });
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                mvc.perform(delivery(webhook, body("stall-after"))).andReturn()
                        .getResponse().getStatus() == 202);
        assertThat(mvc.perform(get("/api/v1/users").header("Authorization", "Bearer " + token)).andReturn()
                .getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void whileTheDatabaseIsDownTheWebhookAnswers503FastAndRecoversByItself() throws Exception {
        Fixtures.Webhook webhook = fixtures.tenoviWebhook(fixtures.tenoviOrganization());
        proxy.cut();
        try {
            long started = System.nanoTime();
            MvcResult refused = mvc.perform(delivery(webhook, body("down-1"))).andReturn();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(refused.getResponse().getStatus()).isEqualTo(503);
            assertThat(refused.getResponse().getHeader("Retry-After")).isNotBlank();
            assertThat(took).isLessThan(Duration.ofSeconds(5));
        } finally {
            proxy.restore();
        }
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() ->
                mvc.perform(delivery(webhook, body("down-1"))).andReturn()
                        .getResponse().getStatus() == 202);
        worker.drain();
        assertThat(jdbc.sql("select count(*) from measurements where organization_id = ?").param(webhook.organization().id().value()).query(Long.class).single()).isEqualTo(1);
    }
}
