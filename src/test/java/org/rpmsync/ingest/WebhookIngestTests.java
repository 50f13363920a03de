package org.rpmsync.ingest;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.rpmsync.Fixtures;
import org.rpmsync.RpmSyncTest;
import org.rpmsync.TestWorld;
import org.rpmsync.clients.ClientDetails;
import org.rpmsync.clients.ClientId;
import org.rpmsync.clients.DeviceDetails;
import org.rpmsync.clients.PatientIds;
import org.rpmsync.organization.Organization;
import org.rpmsync.organization.SystemActor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Trust scenarios 1-10 and 20-24 at the webhook, through the inbox and the workers, on PostgreSQL. */
@RpmSyncTest
class WebhookIngestTests extends TestWorld {

    private static final SystemActor STAFF = new SystemActor("nurse@example.test");

    @Autowired
    org.rpmsync.cluster.SharedLimits limits;
    @Autowired
    InboxWorker worker;
    @Autowired
    PatientIds patientIds;

    private void processed(Organization organization) {
        worker.drain();
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("select count(*) from inbox_messages "
                + "where organization_id = ? and status = 'PENDING'").param(organization.id().value())
                .query(Long.class).single() == 0);
    }

    private List<String> stored(Organization organization, String column) {
        return jdbc.sql("select " + column + " from measurements where organization_id = ? order by measured_at, metric")
                .param(organization.id().value()).query(String.class).list();
    }

    static String opening(String device, Instant at, int day, int period) {
        return """
                {"metric":"pillbox_opened","device_name":"Tenovi Pillbox","hwi_device_id":"%s","patient_id":"PAT-1",
                 "sensor_code":"21","value_1":"%d.00","value_2":"%d.00","created":"%s","timestamp":"%s",
                 "timezone_offset":-5,"estimated_timestamp":false,"filter_params":null}"""
                .formatted(device, day, period, at, at);
    }

    static String bpm(String device, Instant at, String kind, String v1, String v2) {
        return """
                {"metric":"%s","hwi_device_id":"%s","value_1":"%s","value_2":"%s","timestamp":"%s",
                 "timezone_offset":-4,"filter_params":{"measurement_index":7}}""".formatted(kind, device, v1, v2, at);
    }

    @Test
    void storesBeforeAnsweringAndTheSameDeliveryTwiceMakesOneReading() throws Exception {
        Fixtures.Webhook webhook = fixtures.tenoviWebhook(fixtures.tenoviOrganization());
        String body = opening("dev-1", Instant.parse("2024-10-15T02:30:00Z"), 3, 1);
        deliver(webhook, body).andExpect(status().isAccepted()).andExpect(jsonPath("$.status").value("accepted"));
        deliver(webhook, body).andExpect(status().isAccepted());
        processed(webhook.organization());
        assertThat(stored(webhook.organization(), "type")).containsExactly("MEDICATION_COMPARTMENT_OPENED");
        assertThat(stored(webhook.organization(), "label")).containsExactly("Tuesday AM");
        assertThat(stored(webhook.organization(), "utc_offset_minutes")).containsExactly("-300");
    }

    @Test
    void concurrentCopiesOfOneDeliveryMakeOneReading() throws Exception {
        Fixtures.Webhook webhook = fixtures.tenoviWebhook(fixtures.tenoviOrganization());
        String body = "[" + opening("dev-2", Instant.parse("2024-10-16T12:00:00Z"), 4, 1) + "]";
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> posts = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                posts.add(() -> deliver(webhook, body).andReturn().getResponse().getStatus());
            }
            for (Future<Integer> answer : pool.invokeAll(posts)) {
                assertThat(answer.get()).isEqualTo(202);
            }
        } finally {
            pool.shutdown();
        }
        processed(webhook.organization());
        assertThat(stored(webhook.organization(), "id")).hasSize(1);
    }

    @Test
    void aBloodPressureArrayAndTwoSeparatePostsStoreTheSameData() throws Exception {
        Instant at = Instant.parse("2024-10-16T04:10:00Z");
        Fixtures.Webhook asArray = fixtures.tenoviWebhook(fixtures.tenoviOrganization());
        Fixtures.Webhook separately = fixtures.tenoviWebhook(fixtures.tenoviOrganization());
        deliver(asArray, "[" + bpm("bpm", at, "blood_pressure", "128.00", "82.00") + ","
                + bpm("bpm", at, "pulse", "86.00", "0.00") + "]").andExpect(status().isAccepted());
        deliver(separately, bpm("bpm", at, "pulse", "86", "0")).andExpect(status().isAccepted());
        deliver(separately, bpm("bpm", at, "blood_pressure", "128", "82")).andExpect(status().isAccepted());
        processed(asArray.organization());
        processed(separately.organization());
        for (String column : List.of("metric", "raw_value_1", "raw_value_2", "measurement_index", "value_1")) {
            assertThat(stored(asArray.organization(), column)).as(column)
                    .isEqualTo(stored(separately.organization(), column)).hasSize(2);
        }
    }

    @Test
    void aLateFlushIsStoredAtItsTrueTimesAndFlaggedLate() throws Exception {
        Fixtures.Webhook webhook = fixtures.tenoviWebhook(fixtures.tenoviOrganization());
        Instant threeDaysAgo = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        StringBuilder burst = new StringBuilder("[");
        for (int i = 0; i < 6; i++) {
            burst.append(i == 0 ? "" : ",").append(opening("dev-3", threeDaysAgo.plus(12L * i, ChronoUnit.HOURS), 1 + i / 2, 1 + i % 2));
        }
        deliver(webhook, burst.append("]").toString()).andExpect(status().isAccepted());
        processed(webhook.organization());
        assertThat(stored(webhook.organization(), "cast(late as varchar)")).hasSize(6).allMatch("true"::equals);
        assertThat(stored(webhook.organization(), "measured_at").get(0)).startsWith(threeDaysAgo.toString().substring(0, 10));
    }

    @Test
    void readingsOfAnUnmappedDeviceWaitAsUnmatchedAndMoveToTheClientWhenMapped() throws Exception {
        Fixtures.Webhook webhook = fixtures.tenoviWebhook(fixtures.tenoviOrganization());
        Organization clinic = webhook.organization();
        deliver(webhook, opening("dev-4", Instant.parse("2024-10-16T12:00:00Z"), 4, 1).replace("PAT-1", "PAT-UNKNOWN"))
                .andExpect(status().isAccepted());
        processed(clinic);
        assertThat(stored(clinic, "client_id")).containsExactly((String) null);
        ClientId ann = clients.create(clinic.id(), STAFF, new ClientDetails("Ann", "Lee", null, null, null)).id();
        assignments.assign(clinic.id(), STAFF, ann, new DeviceDetails("tenovi", "dev-4", null, null, null, null), false);
        assertThat(stored(clinic, "client_id")).containsExactly(ann.toString());
    }

    @Test
    void aReadingFindsItsClientByPatientIdAndTheDeviceIsDiscovered() throws Exception {
        Fixtures.Webhook webhook = fixtures.tenoviWebhook(fixtures.tenoviOrganization());
        Organization clinic = webhook.organization();
        ClientId bob = clients.create(clinic.id(), STAFF, new ClientDetails("Bob", "Ray", null, null, null)).id();
        patientIds.save(clinic.id(), STAFF, bob, "PAT-1");
        deliver(webhook, opening("dev-5", Instant.parse("2024-10-16T12:00:00Z"), 4, 1)).andExpect(status().isAccepted());
        processed(clinic);
        assertThat(stored(clinic, "client_id")).containsExactly(bob.toString());
        assertThat(assignments.holder(clinic.id(), "tenovi", "dev-5")).get()
                .satisfies(a -> assertThat(a.discovered()).isTrue());
    }

    @Test
    void readingsFollowWhoHeldTheDeviceWhenTheyWereMeasured() throws Exception {
        Fixtures.Webhook webhook = fixtures.tenoviWebhook(fixtures.tenoviOrganization());
        Organization clinic = webhook.organization();
        ClientId ann = clients.create(clinic.id(), STAFF, new ClientDetails("Ann", "A", null, null, null)).id();
        ClientId bob = clients.create(clinic.id(), STAFF, new ClientDetails("Bob", "B", null, null, null)).id();
        DeviceDetails pillbox = new DeviceDetails("tenovi", "dev-6", null, null, null, null);
        assignments.assign(clinic.id(), STAFF, ann, pillbox, false);
        Instant beforeMove = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Thread.sleep(5);
        assignments.assign(clinic.id(), STAFF, bob, pillbox, true);
        Instant afterMove = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
        deliver(webhook, "[" + opening("dev-6", afterMove, 2, 1) + "," + opening("dev-6", beforeMove, 1, 2) + "]")
                .andExpect(status().isAccepted());
        processed(clinic);
        assertThat(stored(clinic, "client_id")).containsExactly(ann.toString(), bob.toString());
    }

    @Test
    void oddItemsAreKeptValidSiblingsStoredUnknownMetricsKeptAsOther() throws Exception {
        Fixtures.Webhook webhook = fixtures.tenoviWebhook(fixtures.tenoviOrganization());
        Organization clinic = webhook.organization();
        deliver(webhook, """
                [{" metric ":"pulse","hwi_device_id":"dev-7","value_1":86,"value_2":null,"timestamp":"2024-10-16T04:10:00Z",
                  "estimated_timestamp":true,"filter_params":null},
                 {"metric":"patchcap_open_close_event","hwi_device_id":"dev-7","value_1":"1.00","timestamp":"1970-01-01T00:00:05Z"},
                 {"metric":"pillbox_opened","hwi_device_id":"dev-7","value_1":"9.00","value_2":"1.00","timestamp":"2024-10-16T04:10:00Z"},
                 {"metric":"pulse","hwi_device_id":"dev-7"},
                 42]""").andExpect(status().isAccepted());
        processed(clinic);
        assertThat(stored(clinic, "type")).containsExactly("OTHER", "PULSE");
        assertThat(stored(clinic, "cast(estimated_timestamp as varchar)")).containsExactly("false", "true");
        List<String> reasons = jdbc.sql("select reason from rejected_items where organization_id = ? order by id")
                .param(clinic.id().value()).query(String.class).list();
        assertThat(reasons).hasSize(3).anyMatch(r -> r.contains("timestamp is missing"))
                .anyMatch(r -> r.contains("not a JSON object")).anyMatch(r -> r.contains("no valid compartment"));
    }

    @Test
    void fulfillmentUpdatesSetTheDevicesTenoviStatus() throws Exception {
        Fixtures.Webhook webhook = fixtures.tenoviWebhook(fixtures.tenoviOrganization());
        Organization clinic = webhook.organization();
        ClientId ann = clients.create(clinic.id(), STAFF, new ClientDetails("Ann", "F", null, null, null)).id();
        assignments.assign(clinic.id(), STAFF, ann, new DeviceDetails("tenovi", "dev-9", "Tenovi BPM", "10", "Shipped", null), false);
        deliver(webhook, "{\"hwi_device_id\":\"dev-9\",\"status \":\"Delivered\",\"device_name\":\"Tenovi BPM\"}")
                .andExpect(status().isAccepted());
        deliver(webhook, "{\"hwi_device_id\":\"nobodys-device\",\"status\":\"Shipped\"}").andExpect(status().isAccepted());
        processed(clinic);
        assertThat(assignments.holder(clinic.id(), "tenovi", "dev-9")).get()
                .satisfies(a -> assertThat(a.vendorStatus()).isEqualTo("Delivered"));
        assertThat(jdbc.sql("select reason from rejected_items where organization_id = ?").param(clinic.id().value())
                .query(String.class).single()).contains("nobodys-device").contains("not mapped");
    }

    @Test
    void refusesWrongMissingAndOtherOrganizationsSecretsStoringNothing() throws Exception {
        Fixtures.Webhook mine = fixtures.tenoviWebhook(fixtures.tenoviOrganization());
        Fixtures.Webhook theirs = fixtures.tenoviWebhook(fixtures.tenoviOrganization());
        String body = opening("dev-8", Instant.now(), 1, 1);
        mvc.perform(post(mine.path()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.code").value("unauthorized"));
        mvc.perform(post(mine.path()).header("Authorization", theirs.secret()).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().isUnauthorized());
        mvc.perform(post("/webhooks/tenovi/no-such-key").header("Authorization", mine.secret())
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isUnauthorized());
        assertThat(jdbc.sql("select count(*) from inbox_messages where organization_id = ?")
                .param(mine.organization().id().value()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select sum(refused) from tenovi_refused_deliveries where organization_id = ?")
                .param(mine.organization().id().value()).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void refusesOversizedAndMalformedBodiesWithClearCodes() throws Exception {
        Fixtures.Webhook webhook = fixtures.tenoviWebhook(fixtures.tenoviOrganization());
        deliver(webhook, "[" + "1,".repeat(600_000) + "1]").andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.code").value("payload_too_large"));
        for (String body : List.of("not json", "42", "\"x\"", "{\"a\":1} trailing", "[1,")) {
            deliver(webhook, body).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("malformed_payload"));
        }
    }

    @Test
    void randomBodiesNeverCauseA5xxOrAStuckInbox() throws Exception {
        Fixtures.Webhook webhook = fixtures.tenoviWebhook(fixtures.tenoviOrganization());
        Random random = new Random(42);
        String[] parts = {"{", "}", "[", "]", ",", ":", "\"metric\"", "\"pillbox_opened\"", "\"hwi_device_id\"",
                "\"d\"", "\"timestamp\"", "\"2024-10-16T04:10:00Z\"", "null", "1e999", "-4", "\"value_1\"", "true"};
        for (int i = 0; i < 300; i++) {
            StringBuilder body = new StringBuilder();
            for (int n = random.nextInt(30); n > 0; n--) {
                body.append(parts[random.nextInt(parts.length)]);
            }
            int status = deliver(webhook, body.toString()).andReturn().getResponse().getStatus();
            assertThat(status).as(body.toString()).isIn(202, 400);
        }
        processed(webhook.organization());
        assertThat(jdbc.sql("select count(*) from inbox_messages where organization_id = ? and status <> 'PROCESSED'")
                .param(webhook.organization().id().value()).query(Long.class).single()).isZero();
    }

    @Test
    void answers429WithRetryAfterWhenOneKeyFloods() throws Exception {
        Fixtures.Webhook webhook = fixtures.tenoviWebhook(fixtures.tenoviOrganization());
        DeliveryRateLimit strict = new DeliveryRateLimit(limits,
                new IngestSettings(null, 2.0, null, null, null, null, null, null, null, null));
        String key = Fixtures.unique("k");
        assertThat(strict.allow(key)).isTrue();
        assertThat(strict.allow(key)).isTrue();
        assertThat(strict.allow(key)).isFalse();
        assertThat(strict.allow(Fixtures.unique("other"))).as("another key is unaffected").isTrue();
        deliver(webhook, "[]").andExpect(status().isAccepted()).andExpect(header().doesNotExist("Retry-After"));
    }
}
