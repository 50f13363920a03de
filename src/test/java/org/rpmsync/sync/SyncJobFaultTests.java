package org.rpmsync.sync;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rpmsync.RpmSyncTest;
import org.rpmsync.TestWorld;
import org.rpmsync.clients.Client;
import org.rpmsync.organization.Organization;
import org.rpmsync.organization.Role;
import org.rpmsync.organization.SystemActor;
import org.rpmsync.tenovi.FakeTenovi.Answer;
import org.rpmsync.tenovi.FakeTenovi;
import org.rpmsync.integrations.TenoviConnection;
import org.rpmsync.integrations.TenoviConnections;
import org.rpmsync.tenovi.TenoviProperties;
import org.rpmsync.integrations.TenoviStatus;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Refresh and backfill jobs against Tenovi's odd answers (scenarios #16-#19), the worker drained by hand. */
@RpmSyncTest
class SyncJobFaultTests extends TestWorld {

    static final String API_KEY = "tk_live_SYNCSECRET_0042";

    @Autowired
    TenoviConnections connections;
    @Autowired
    SyncJobs jobs;
    @Autowired
    SyncWorker worker;
    @Autowired
    TenoviProperties properties;
    @Autowired
    SyncState state;
    final FakeTenovi tenovi = FakeTenovi.instance();

    Organization clinic;
    SystemActor actor;
    Client client;
    String device;

    @BeforeEach
    void linkedClinicWithAMappedDevice() {
        tenovi.reset();
        clinic = fixtures.linkedClinic(API_KEY);
        actor = SystemActor.in(clinic.id(), "test");
        client = fixtures.client(clinic);
        device = fixtures.mappedDevice(clinic, client, "BPM");
        tenovi.reset();
    }

    @Test
    void aServerErrorStormFailsTheJobKeepsTheCheckpointAndTheNextJobResumesFromIt() {
        Instant t1 = Instant.parse("2026-03-01T10:00:00Z");
        Instant t2 = Instant.parse("2026-03-01T11:00:00Z");
        tenovi.answer(page(pageUrl(2), reading(t1, t1, "120"), reading(t2, t2, "121")));
        tenovi.answer(503, 503, 503);
        worker.drain(clinic.id().value());

        SyncJob backfill = latest();
        assertThat(backfill.trigger()).isEqualTo(SyncTrigger.BACKFILL);
        assertThat(backfill.status()).isEqualTo("failed");
        assertThat(backfill.error()).contains("HTTP 503").contains("resumes");
        assertThat(backfill.pagesFetched()).isEqualTo(1);
        assertThat(tenovi.requests()).hasSize(4);
        assertThat(tenovi.requests().get(0).pathAndQuery()).doesNotContain("created__gte");
        assertThat(stored()).isEqualTo(2);

        Instant t3 = Instant.parse("2026-03-01T12:00:00Z");
        tenovi.reset();
        tenovi.answer(page(null, reading(t1, t1, "120"), reading(t2, t2, "121"), reading(t3, t3, "122")));
        SyncJob refresh = jobs.refresh(actor, client.id());
        worker.drain(clinic.id().value());

        assertThat(tenovi.requests()).hasSize(1);
        assertThat(tenovi.requests().get(0).pathAndQuery())
                .startsWith("/clients/" + clinic.slug() + "/hwi/hwi-devices/" + device + "/measurements/?page=1")
                .contains("page_size=1000").contains("created__gte=2026-03-01T10:00:00Z");
        SyncJob done = jobs.find(clinic.id(), refresh.id()).orElseThrow();
        assertThat(done.status()).isEqualTo("succeeded");
        assertThat(done.readingsFound()).isEqualTo(3);
        assertThat(done.newMeasurements()).isEqualTo(1);
        assertThat(stored()).isEqualTo(3);
    }

    @Test
    void aJobWhoseInstanceDiedIsTakenOverWhenItsLeaseExpires() {
        worker.drain(clinic.id().value());
        tenovi.reset();
        SyncJob refresh = jobs.refresh(actor, client.id());
        jdbc.sql("update tenovi_sync_jobs set status = 'running', lease_owner = 'dead', lease_until = ? where id = ?")
                .params(java.sql.Timestamp.from(Instant.now().minusSeconds(5)), refresh.id()).update();
        Instant t = Instant.parse("2026-03-02T10:00:00Z");
        tenovi.answer(page(null, reading(t, t, "130")));

        assertThat(worker.drain(clinic.id().value())).isEqualTo(1);

        assertThat(jobs.find(clinic.id(), refresh.id()).orElseThrow().status()).isEqualTo("succeeded");
        assertThat(stored()).isEqualTo(1);
    }

    @Test
    void aRejectedKeyTurnsTheIntegrationRedAndPausesJobsUntilItIsFixed() {
        tenovi.answer(401);
        worker.drain(clinic.id().value());

        assertThat(latest().status()).isEqualTo("failed");
        assertThat(latest().error()).contains("rejected the API key");
        TenoviConnection connection = connections.status(clinic.id());
        assertThat(connection.status()).isEqualTo(TenoviStatus.CREDENTIALS_REJECTED);
        assertThat(connection.lastError()).contains("HTTP 401");

        SyncJob again = jobs.refresh(actor, client.id());
        worker.drain(clinic.id().value());
        assertThat(jobs.find(clinic.id(), again.id()).orElseThrow().error()).contains("paused");
        assertThat(tenovi.requests()).hasSize(1);
    }

    @Test
    void aRedirectIsNeverFollowedAndReportedAsAConfigurationError() {
        tenovi.answer(new Answer(301, "", Map.of("Location", "https://elsewhere.example/clients/x/"), 0));
        worker.drain(clinic.id().value());

        assertThat(latest().status()).isEqualTo("failed");
        assertThat(latest().error()).contains("Configuration error").contains("redirect");
        assertThat(tenovi.requests()).hasSize(1);
    }

    @Test
    void aNextPageOutsideTheConfiguredBaseUrlIsNotRequested() {
        Instant t = Instant.parse("2026-03-03T10:00:00Z");
        tenovi.answer(page("https://api.elsewhere.example/clients/" + clinic.slug() + "/hwi/hwi-devices/" + device
                + "/measurements/?page=2", reading(t, t, "140")));
        worker.drain(clinic.id().value());

        assertThat(latest().status()).isEqualTo("failed");
        assertThat(latest().error()).contains("Configuration error").contains("outside the configured base URL");
        assertThat(tenovi.requests()).hasSize(1);
        assertThat(stored()).isEqualTo(1);
    }

    @Test
    void aRateLimitStormIsWaitedOutAtNoMoreThanOneRequestPerSecond() {
        Instant t = Instant.parse("2026-03-04T10:00:00Z");
        tenovi.answer(new Answer(429, "{\"detail\":\"throttled\"}", Map.of("Retry-After", "1"), 0));
        tenovi.answer(429, 429);
        tenovi.answer(page(pageUrl(2), reading(t, t, "150")), page(null, reading(t.plusSeconds(60), t, "151")));
        worker.drain(clinic.id().value());

        assertThat(latest().status()).isEqualTo("succeeded");
        assertThat(latest().pagesFetched()).isEqualTo(2);
        List<FakeTenovi.Request> requests = tenovi.requests();
        assertThat(requests).hasSize(5);
        for (int i = 1; i < requests.size(); i++) {
            assertThat(requests.get(i).atMillis() - requests.get(i - 1).atMillis()).isGreaterThanOrEqualTo(950);
        }
        assertThat(requests.get(4).pathAndQuery()).contains("page=2");
        assertThat(requests).allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Api-Key " + API_KEY));
        assertThat(stored()).isEqualTo(2);
    }

    @Test
    void aSecondRefreshJoinsTheQueuedJobAndOtherOrganizationsGet404() throws Exception {
        String token = fixtures.orgToken(clinic);
        String path = "/api/v1/users/" + client.id().value() + "/integrations/tenovi/refresh";
        String first = mvc.perform(post(path).header("Authorization", "Bearer " + token))
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.status").value("queued"))
                .andReturn().getResponse().getContentAsString();
        String jobId = first.replaceAll(".*\"jobId\":\"([^\"]+)\".*", "$1");
        mvc.perform(post(path).header("Authorization", "Bearer " + token))
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.jobId").value(jobId));
        mvc.perform(get("/api/v1/jobs/" + jobId).header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("queued"))
                .andExpect(jsonPath("$.pagesFetched").value(0)).andExpect(jsonPath("$.newMeasurements").value(0));
        assertThat(audit.forTarget("client", client.id().toString()))
                .anySatisfy(e -> assertThat(e.action()).isEqualTo("TENOVI_REFRESH_REQUESTED"));

        String other = fixtures.orgToken(fixtures.tenoviOrganization());
        mvc.perform(get("/api/v1/jobs/" + jobId).header("Authorization", "Bearer " + other))
                .andExpect(status().isNotFound());
        mvc.perform(post(path).header("Authorization", "Bearer " + other)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/jobs/not-a-uuid").header("Authorization", "Bearer " + token))
                .andExpect(status().isNotFound());
    }

    @Test
    void reconciliationIsDueOnceAcrossInstancesAndWalksEveryMappedDeviceSinceItsCursor() {
        worker.drain(clinic.id().value());
        UUID org = clinic.id().value();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        assertThat(state.claimReconciliation(org, now, Duration.ofHours(6))).isFalse();
        jdbc.sql("update tenovi_sync_state set next_reconcile_at = ? where organization_id = ?")
                .params(java.sql.Timestamp.from(now.minusSeconds(1)), org).update();
        assertThat(state.claimReconciliation(org, now, Duration.ofHours(6))).isTrue();
        assertThat(state.claimReconciliation(org, now, Duration.ofHours(6))).isFalse();
        assertThat(jobs.nextReconciliation(clinic.id())).contains(now.plus(Duration.ofHours(6)));
        state.advance(org, "device:" + device, Instant.parse("2026-03-05T10:00:00Z"));
        jobs.reconcile(org);
        jobs.reconcile(org);
        tenovi.reset();

        assertThat(worker.drain(org)).isEqualTo(1);

        assertThat(tenovi.requests()).hasSize(2);
        assertThat(tenovi.requests().get(0).pathAndQuery()).contains("/hwi-devices/" + device + "/measurements/")
                .contains("created__gte=2026-03-05T09:00:00Z");
        assertThat(tenovi.requests().get(1).pathAndQuery()).as("device names and statuses are refreshed too")
                .endsWith("/hwi/hwi-devices/?page=1&page_size=100");
    }

    @Test
    void theRefreshPanelQueuesAJobForTheClientAndTheJobsPageListsIt() throws Exception {
        String practitioner = fixtures.staff(clinic, Role.PRACTITIONER);
        String admin = fixtures.staff(clinic, Role.ORG_ADMIN);
        String panel = "/clients/" + client.id().value() + "/integrations/tenovi/refresh";
        mvc.perform(post(panel).with(fixtures.signedIn(practitioner)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"refresh-state\"")))
                .andExpect(content().string(containsString("hx-trigger=\"every 1s\"")));
        mvc.perform(get(panel).with(fixtures.signedIn(practitioner)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Refresh User Data")));
        String stranger = fixtures.staff(fixtures.tenoviOrganization(), Role.ORG_ADMIN);
        mvc.perform(get(panel).with(fixtures.signedIn(stranger))).andExpect(status().isNotFound());
        mvc.perform(post(panel).with(fixtures.signedIn(stranger)).with(csrf())).andExpect(status().isNotFound());

        mvc.perform(get("/settings/integrations/tenovi/jobs").with(fixtures.signedIn(admin)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("refresh")))
                .andExpect(content().string(containsString(client.lastName())));
        mvc.perform(get("/settings/integrations/tenovi/jobs").with(fixtures.signedIn(practitioner)))
                .andExpect(status().isForbidden());
    }

    SyncJob latest() {
        return jobs.latest(clinic.id(), client.id()).orElseThrow();
    }

    long stored() {
        return jdbc.sql("select count(*) from measurements where organization_id = ? and device_id = ?")
                .params(clinic.id().value(), device).query(Long.class).single();
    }

    String pageUrl(int page) {
        return properties.base() + "/clients/" + clinic.slug() + "/hwi/hwi-devices/" + device
                + "/measurements/?page=" + page + "&page_size=1000";
    }

    Answer page(String next, String... readings) {
        return new Answer(200, "{\"count\":" + readings.length + ",\"next\":" + (next == null ? "null" : "\"" + next + "\"")
                + ",\"previous\":null,\"results\":[" + String.join(",", readings) + "]}", Map.of(), 0);
    }

    String reading(Instant created, Instant timestamp, String systolic) {
        return "{\"metric\":\"blood_pressure\",\"hwi_device_id\":\"" + device + "\",\"value_1\":\"" + systolic
                + "\",\"value_2\":\"80\",\"timestamp\":\"" + timestamp + "\",\"created\":\""
                + created.truncatedTo(ChronoUnit.SECONDS) + "\",\"timezone_offset\":-5}";
    }
}
