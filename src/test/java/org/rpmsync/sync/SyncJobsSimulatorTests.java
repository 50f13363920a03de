package org.rpmsync.sync;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rpmsync.Browser;
import org.rpmsync.Fixtures;
import org.rpmsync.PostgresTestDatabase;
import org.rpmsync.RealServerTest;
import org.rpmsync.RpmSyncApplication;
import org.rpmsync.TestPorts;
import org.rpmsync.TestWorld;
import org.rpmsync.clients.Client;
import org.rpmsync.clients.ClientDetails;
import org.rpmsync.clients.DeviceDetails;
import org.rpmsync.clients.PatientIds;
import org.rpmsync.organization.Organization;
import org.rpmsync.organization.Role;
import org.rpmsync.organization.SystemActor;
import org.rpmsync.tenovi.ReadingFeed;
import org.rpmsync.tenovi.TenoviAccount;
import org.rpmsync.integrations.TenoviConnections;
import org.rpmsync.tenovi.TenoviCredentials;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Refresh, backfill and the shared rate limit with the simulator as Tenovi, the worker on (issue 7): many pages,
 * overlap without duplicates, offline-flushed readings found by {@code created}, two instances on one database never
 * above 1 request/s per key, and Refresh User Data in Chromium.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "rpmsync.tenovi.sync-worker=true", "rpmsync.tenovi.page-size=3", "rpmsync.tenovi.poll-interval=200ms",
        "rpmsync.simulator.tick-interval=0s", "rpmsync.simulator.clock-speed=1"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ContextConfiguration(initializers = PostgresTestDatabase.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SyncJobsSimulatorTests extends TestWorld {

    /** Its own port: the sync worker runs here, so this context is not the shared {@link RealServerTest} one. */
    static final int PORT = TestPorts.free();
    static final String BASE = "http://localhost:" + PORT + "/simulator/tenovi";

    @DynamicPropertySource
    static void realPort(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("rpmsync.tenovi.base-url", () -> BASE);
        registry.add("rpmsync.public-base-url", () -> "http://localhost:" + PORT);
    }

    @Autowired
    TenoviConnections connections;
    @Autowired
    PatientIds patientIds;
    @Autowired
    SyncJobs jobs;
    @Autowired
    TenoviAccount pages;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void backfillWalksEveryPageRefreshStoresNothingTwiceAndFindsReadingsFlushedLate() throws Exception {
        Clinic clinic = clinic(10_000.0);
        String patient = "P-" + UUID.randomUUID().toString().substring(0, 6);
        String device = clinic.patient(patient);
        Instant start = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < 8; i++) {
            clinic.measure(device, start.plus(i, ChronoUnit.HOURS), String.valueOf(110 + i));
        }
        Client client = clinic.client();
        patientIds.save(clinic.org.id(), clinic.actor, client.id(), patient);
        assignments.assign(clinic.org.id(), clinic.actor, client.id(), new DeviceDetails("tenovi", device, "BPM", null,
                null, patient), false);

        SyncJob backfill = awaitFinished(clinic, () -> jobs.latest(clinic.org.id(), client.id()).orElseThrow());
        assertThat(backfill.trigger()).isEqualTo(SyncTrigger.BACKFILL);
        assertThat(backfill.status()).isEqualTo("succeeded");
        assertThat(backfill.pagesFetched()).isEqualTo(3);
        assertThat(backfill.newMeasurements()).isEqualTo(8);

        SyncJob refresh = refreshAndWait(clinic, client);
        assertThat(refresh.status()).isEqualTo("succeeded");
        assertThat(refresh.pagesFetched()).isEqualTo(6);
        assertThat(refresh.readingsFound()).isEqualTo(16);
        assertThat(refresh.newMeasurements()).isZero();

        Instant offline = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        clinic.measure(device, offline, "99");
        SyncJob late = refreshAndWait(clinic, client);
        assertThat(late.status()).isEqualTo("succeeded");
        assertThat(late.newMeasurements()).isEqualTo(1);
        assertThat(jdbc.sql("""
                select count(*) from measurements where organization_id = ? and device_id = ? and measured_at = ?
                  and origin = 'REFRESH' and client_id = ?""")
                .params(clinic.org.id().value(), device, java.sql.Timestamp.from(offline), client.id().value())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from measurements where organization_id = ? and device_id = ?")
                .params(clinic.org.id().value(), device).query(Long.class).single()).isEqualTo(9);
    }

    @Test
    void twoInstancesOnOneDatabaseStayWithinOneRequestPerSecondPerKey() throws Exception {
        Clinic clinic = clinic(1.0);
        String first = clinic.patient("P-" + UUID.randomUUID().toString().substring(0, 6));
        String second = clinic.patient("P-" + UUID.randomUUID().toString().substring(0, 6));
        Instant start = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < 9; i++) {
            clinic.measure(first, start.plus(i, ChronoUnit.MINUTES), "12" + i);
            clinic.measure(second, start.plus(i, ChronoUnit.MINUTES), "13" + i);
        }
        TenoviCredentials credentials = connections.credentials(clinic.org.id()).orElseThrow();
        UUID org = clinic.org.id().value();
        try (ConfigurableApplicationContext other = new SpringApplicationBuilder(RpmSyncApplication.class)
                .profiles("test").run(
                        "--spring.datasource.url=" + PostgresTestDatabase.url(PostgresTestDatabase.database()),
                        "--spring.datasource.username=" + PostgresTestDatabase.user(),
                        "--spring.datasource.password=",
                        "--server.port=0",
                        "--spring.datasource.hikari.maximum-pool-size=3",
                        "--rpmsync.simulator.enabled=false",
                        "--rpmsync.tenovi.base-url=" + BASE,
                        "--rpmsync.tenovi.page-size=3")) {
            TenoviAccount otherPages = other.getBean(TenoviAccount.class);
            List<Long> times = Collections.synchronizedList(new ArrayList<>());
            CompletableFuture<Boolean> here = CompletableFuture.supplyAsync(() -> pages.readings(credentials,
                    ReadingFeed.device(first), null, 3, items -> times.add(System.currentTimeMillis())));
            CompletableFuture<Boolean> there = CompletableFuture.supplyAsync(() -> otherPages.readings(credentials,
                    ReadingFeed.device(second), null, 3, items -> times.add(System.currentTimeMillis())));
            assertThat(here.get()).isTrue();
            assertThat(there.get()).isTrue();

            List<Long> sorted = new ArrayList<>(times);
            Collections.sort(sorted);
            assertThat(sorted).hasSize(6);
            double perSecond = (sorted.size() - 1) * 1000.0 / (sorted.get(sorted.size() - 1) - sorted.get(0));
            assertThat(perSecond).isLessThanOrEqualTo(1.05);
            for (int i = 1; i < sorted.size(); i++) {
                assertThat(sorted.get(i) - sorted.get(i - 1)).isGreaterThan(600);
            }
        }
    }

    @Test
    void aPractitionerClicksRefreshUserDataAndWatchesItFinish() throws Exception {
        Clinic clinic = clinic(10_000.0);
        String device = clinic.patient("P-" + UUID.randomUUID().toString().substring(0, 6));
        Client client = clinic.client();
        assignments.assign(clinic.org.id(), clinic.actor, client.id(), new DeviceDetails("tenovi", device, "BPM", null,
                null, null), false);
        awaitFinished(clinic, () -> jobs.latest(clinic.org.id(), client.id()).orElseThrow());
        Instant start = Instant.now().minus(5, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < 4; i++) {
            clinic.measure(device, start.plus(i, ChronoUnit.HOURS), "11" + i);
        }
        String admin = fixtures.staff(clinic.org, Role.ORG_ADMIN);
        try (Browser browser = Browser.open(PORT)) {
            WebDriver page = browser.driver();
            browser.signIn(admin, Fixtures.PASSWORD);
            browser.go("/clients/" + client.id().value() + "/integrations");
            browser.waitFor(By.id("refresh-user-data"));
            page.findElement(By.id("refresh-user-data")).click();
            browser.waitFor(By.id("refresh-state"));
            WebDriverWait progress = new WebDriverWait(page, Duration.ofSeconds(30));
            progress.ignoring(StaleElementReferenceException.class);
            progress.until(d -> d.findElement(By.id("refresh-kind")).getText().equals("Refresh User Data")
                    && d.findElement(By.id("refresh-state")).getText().equals("done"));
            String stored = progress.until(d -> d.findElement(By.id("refresh-new")).getText());
            String fetched = progress.until(d -> d.findElement(By.id("refresh-pages")).getText());
            assertThat(stored).isEqualTo("4");
            assertThat(fetched).isNotEqualTo("0");
            browser.screenshot("refresh-user-data-done");

            browser.go("/settings/integrations/tenovi/jobs");
            browser.waitFor(By.id("sync-jobs"));
            assertThat(page.findElement(By.id("sync-jobs")).getText()).contains("refresh").contains("backfill")
                    .contains(client.lastName());
            browser.screenshot("sync-jobs");
        }
    }

    SyncJob refreshAndWait(Clinic clinic, Client client) throws Exception {
        String body = mvc.perform(post("/api/v1/users/" + client.id().value() + "/integrations/tenovi/refresh")
                        .header("Authorization", "Bearer " + clinic.token))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        UUID id = UUID.fromString(json.readTree(body).get("jobId").asString());
        return awaitFinished(clinic, () -> jobs.find(clinic.org.id(), id).orElseThrow());
    }

    static SyncJob awaitFinished(Clinic clinic, Supplier<SyncJob> job) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 40_000;
        SyncJob current = job.get();
        while (!current.finished() && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
            current = job.get();
        }
        assertThat(current.finished()).as("job finished: %s", current).isTrue();
        return current;
    }

    /** A simulator account with one key and a Tenovi-enabled organization linked to it. */
    Clinic clinic(double requestsPerSecond) throws Exception {
        String domain = "sync-" + UUID.randomUUID().toString().substring(0, 8);
        String key = "sim-key-" + UUID.randomUUID();
        control("accounts", Map.of("client_domain", domain, "api_keys", List.of(key),
                "requests_per_second", requestsPerSecond));
        Organization org = fixtures.tenoviOrganization();
        Thread.sleep(requestsPerSecond < 5 ? 1100 : 0);
        fixtures.link(org, domain, key);
        return new Clinic(domain, org, SystemActor.in(org.id(), "test"), fixtures.orgToken(org));
    }

    String control(String path, Object body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(BASE + "/_control/" + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return response.body();
    }

    final class Clinic {
        final String domain;
        final Organization org;
        final SystemActor actor;
        final String token;

        Clinic(String domain, Organization org, SystemActor actor, String token) {
            this.domain = domain;
            this.org = org;
            this.actor = actor;
            this.token = token;
        }

        /** A simulator patient with one BPM; returns its HWI device id. */
        String patient(String externalId) throws Exception {
            String body = control("accounts/" + domain + "/patients", Map.of("external_id", externalId,
                    "devices", List.of("BPM")));
            return json.readTree(body).get("devices").get(0).get("id").asString();
        }

        void measure(String device, Instant timestamp, String systolic) throws Exception {
            control("accounts/" + domain + "/devices/" + device + "/measurements", Map.of("metric", "blood_pressure",
                    "value_1", systolic, "value_2", "80", "timestamp", timestamp.toString()));
        }

        Client client() {
            return clients.create(org.id(), actor, new ClientDetails("Grace", Fixtures.unique("Hopper"), null, null,
                    null));
        }
    }
}
