package org.rpmsync.cluster;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.rpmsync.Fixtures;
import org.rpmsync.StaffVisitor;
import org.rpmsync.TwoInstances;
import org.rpmsync.organization.Organization;
import org.rpmsync.organization.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one database, over real HTTP: sign-in failures, the API budget of a token and the deliveries of
 * a webhook key are counted once for both. Each instance alone sees too few requests to refuse any (TwoInstances
 * starts them with an API burst of 10 at 0.1/s and 3 deliveries/s per webhook key).
 */
class SharedLimitsTests {

    private final TwoInstances two = TwoInstances.get();
    private final List<String> instances = List.of(TwoInstances.url(two.a), TwoInstances.url(two.b));
    private final Fixtures fixtures = two.a.getBean(Fixtures.class);
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void fiveWrongPasswordsSpreadOverBothInstancesLockTheAccountOnBoth() {
        String nurse = fixtures.staff(fixtures.organization(), Role.PRACTITIONER);
        for (int i = 0; i < 5; i++) {
            assertThat(new StaffVisitor().signIn(instances.get(i % 2), nurse, "guess " + i)).endsWith("/login?error");
        }
        for (String instance : instances) {
            assertThat(new StaffVisitor().signIn(instance, nurse, Fixtures.PASSWORD))
                    .as("the right password, 6th attempt, on %s", instance).endsWith("/login?error");
        }
        String other = fixtures.staff(fixtures.organization(), Role.PRACTITIONER);
        assertThat(new StaffVisitor().signIn(instances.get(1), other, Fixtures.PASSWORD)).doesNotContain("error");
    }

    @Test
    void aTokensBudgetIsSharedByBothInstances() throws Exception {
        String token = fixtures.orgToken(fixtures.organization());
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            statuses.add(http.send(HttpRequest.newBuilder(URI.create(instances.get(i % 2) + "/api/v1/users"))
                    .header("Authorization", "Bearer " + token).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
        }
        assertThat(statuses.subList(0, 10)).as("the burst of 10, over both").containsOnly(200);
        assertThat(statuses.subList(12, 14)).as("7 requests per instance, yet over budget").containsOnly(429);
    }

    @Test
    void aWebhookKeysLimitIsSharedByBothInstances() {
        Fixtures.Webhook webhook = fixtures.tenoviWebhook(fixtures.tenoviOrganization());
        List<CompletableFuture<Integer>> sent = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String body = """
                    {"metric":"pillbox_opened","hwi_device_id":"limit-%d","patient_id":"PAT-1","sensor_code":"21",
                     "value_1":"4.00","value_2":"1.00","created":"%s","timestamp":"%s","timezone_offset":-5}"""
                    .formatted(i, Instant.parse("2024-10-16T12:00:00Z"), Instant.parse("2024-10-16T12:00:00Z"));
            HttpRequest request = HttpRequest.newBuilder(URI.create(instances.get(i % 2) + webhook.path()))
                    .header(webhook.header(), webhook.secret()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            sent.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode));
        }
        List<Integer> statuses = sent.stream().map(CompletableFuture::join).toList();
        assertThat(statuses).containsOnly(202, 429);
        assertThat(statuses.stream().filter(s -> s == 202).count())
                .as("3 a second for the key over both (each instance alone would take 6 of its 6)")
                .isBetween(1L, 4L);
    }

    @Test
    void aBusyLimitTakenInLeasesIsStillSharedByBothInstances() {
        RateLimit busy = new RateLimit("test-busy", 200, 200);
        List<SharedLimits> both = List.of(two.a.getBean(SharedLimits.class), two.b.getBean(SharedLimits.class));
        String key = "busy-" + UUID.randomUUID();
        long start = System.nanoTime();
        int granted = 0;
        for (int i = 0; i < 1000; i++) {
            granted += both.get(i % 2).take(busy, key) ? 1 : 0;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(granted).as("200 at once and 200/s over both (each alone would grant 200 and 200/s)")
                .isBetween(150, (int) (200 + 200 * seconds) + 1);
    }
}
