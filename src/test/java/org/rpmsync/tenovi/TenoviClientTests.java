package org.rpmsync.tenovi;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rpmsync.RpmSyncTest;
import org.rpmsync.TestPorts;
import org.rpmsync.tenovi.ConnectionCheck.Result;
import org.rpmsync.tenovi.FakeTenovi.Answer;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@RpmSyncTest
class TenoviClientTests {

    static final TenoviCredentials CREDENTIALS = new TenoviCredentials("myclinic", "tk_live_0123456789abcdef");

    @Autowired
    TenoviClient client;
    @Autowired
    org.rpmsync.cluster.PacedCalls pacing;
    final FakeTenovi tenovi = FakeTenovi.instance();

    @BeforeEach
    void reset() {
        tenovi.reset();
    }

    @Test
    void checksWithTheDocumentedPathTrailingSlashApiKeyHeaderAndOnePage() {
        ConnectionCheck check = client.check(CREDENTIALS);

        assertThat(check).isEqualTo(new ConnectionCheck(Result.CONNECTED, 200));
        assertThat(tenovi.requests()).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("GET");
            assertThat(r.pathAndQuery()).isEqualTo("/clients/myclinic/hwi/hwi-devices/?page=1&page_size=1");
            assertThat(r.authorization()).isEqualTo("Api-Key tk_live_0123456789abcdef");
        });
    }

    @Test
    void treats401And403AsRejectedCredentials() {
        tenovi.answer(401, 403);
        assertThat(client.check(CREDENTIALS).result()).isEqualTo(Result.REJECTED);
        ConnectionCheck forbidden = client.check(CREDENTIALS);
        assertThat(forbidden.result()).isEqualTo(Result.REJECTED);
    }

    @Test
    void treats404AsAnUnknownClientDomain() {
        tenovi.answer(404);
        ConnectionCheck check = client.check(CREDENTIALS);
        assertThat(check.result()).isEqualTo(Result.UNKNOWN_CLIENT_DOMAIN);
    }

    @Test
    void treats5xxAsUnreachable() {
        tenovi.answer(500);
        ConnectionCheck check = client.check(CREDENTIALS);
        assertThat(check).isEqualTo(new ConnectionCheck(Result.UNREACHABLE, 500));
        assertThat(tenovi.requests()).hasSize(1);
    }

    @Test
    void neverFollowsARedirectAndReportsIt() {
        tenovi.answer(new Answer(301, "", Map.of("Location", "/clients/myclinic/hwi/hwi-devices"), 0));
        ConnectionCheck check = client.check(CREDENTIALS);
        assertThat(check.result()).isEqualTo(Result.REDIRECTED);
        assertThat(tenovi.requests()).hasSize(1);
    }

    @Test
    void timesOutOnASlowTenovi() {
        // Tenovi would answer only after 8 s; the client gives up at its read timeout, well before that answer.
        tenovi.answer(new Answer(200, "{}", Map.of(), 8_000));
        long start = System.nanoTime();
        ConnectionCheck check = client.check(CREDENTIALS);
        assertThat(check).isEqualTo(new ConnectionCheck(Result.UNREACHABLE, 0));
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(7_000);
    }

    @Test
    void reportsUnreachableWhenNothingListens() throws Exception {
        TenoviClient nowhere = new TenoviClient(new TenoviProperties(java.net.URI.create("http://127.0.0.1:9"),
                java.time.Duration.ofMillis(300), java.time.Duration.ofMillis(300), java.time.Duration.ofMillis(10),
                java.time.Duration.ofMillis(10), "Authorization", java.time.Duration.ofMillis(10)),
                org.springframework.web.client.RestClient.builder(), pacing);
        assertThat(nowhere.check(CREDENTIALS).result()).isEqualTo(Result.UNREACHABLE);
    }

    @Test
    void retries429WithBackoffAndThenSucceeds() {
        tenovi.answer(429, 429);
        long start = System.nanoTime();
        ConnectionCheck check = client.check(CREDENTIALS);
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(check.result()).isEqualTo(Result.CONNECTED);
        assertThat(tenovi.requests()).hasSize(3);
        assertThat(elapsedMillis).as("100 ms then 200 ms of backoff").isGreaterThanOrEqualTo(300);
    }

    @Test
    void honoursRetryAfter() {
        tenovi.answer(new Answer(429, "{}", Map.of("Retry-After", "1"), 0));
        long start = System.nanoTime();
        assertThat(client.check(CREDENTIALS).result()).isEqualTo(Result.CONNECTED);
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(1_000);
    }

    @Test
    void givesUpOn429AfterTheWaitCap() {
        tenovi.answer(429, 429, 429, 429, 429, 429, 429, 429);
        ConnectionCheck check = client.check(CREDENTIALS);
        assertThat(check).isEqualTo(new ConnectionCheck(Result.UNREACHABLE, 429));
        assertThat(tenovi.requests()).hasSizeBetween(2, 5);
    }

    @Test
    void walksDevicePagesButNeverSendsTheKeyToAForeignNextLink() {
        tenovi.answer(new Answer(200, "{\"count\":3,\"next\":\"http://127.0.0.1:" + TestPorts.FAKE_TENOVI
                        + "/clients/myclinic/hwi/hwi-devices/?page=2\",\"results\":[{\"id\":\"d1\"},{\"id\":\"d2\"}]}",
                        Map.of(), 0),
                new Answer(200, "[{\"id\":\"d3\"}]", Map.of(), 0),
                new Answer(200, "{\"next\":\"https://evil.example.com/clients/myclinic/hwi/hwi-devices/?page=2\","
                        + "\"results\":[]}", Map.of(), 0));
        assertThat(client.allDevices(CREDENTIALS, 5)).extracting(TenoviDevice::id).containsExactly("d1", "d2", "d3");
        assertThat(tenovi.requests()).extracting(FakeTenovi.Request::pathAndQuery).containsExactly(
                "/clients/myclinic/hwi/hwi-devices/?page=1&page_size=100", "/clients/myclinic/hwi/hwi-devices/?page=2");

        assertThatThrownBy(() -> client.allDevices(CREDENTIALS, 5)).isInstanceOfSatisfying(TenoviUnavailable.class,
                e -> assertThat(e.kind()).isEqualTo(TenoviUnavailable.Kind.CONFIGURATION));
        assertThat(tenovi.requests()).as("nothing sent to the foreign link").hasSize(3);
    }

    @Test
    void listsWebhooksFromABareArrayOrAPageAndUpdatesOrDeletesThemById() {
        tenovi.answer(new Answer(200, "[{\"id\":\"w1\",\"endpoint\":\"https://a/x\",\"event\":\"MEASUREMENT\","
                        + "\"auth_key\":\"k\",\"post_as_array\":true}]", Map.of(), 0),
                new Answer(200, "{\"count\":1,\"next\":null,\"results\":[{\"id\":\"w2\",\"endpoint\":\"https://b/\"}]}",
                        Map.of(), 0),
                new Answer(403, "{\"detail\":\"no\"}", Map.of(), 0));
        assertThat(client.webhooks(CREDENTIALS).webhooks()).containsExactly(
                new AccountWebhook("w1", "https://a/x", "MEASUREMENT"));
        assertThat(client.webhooks(CREDENTIALS).webhooks()).extracting(AccountWebhook::id).containsExactly("w2");
        assertThat(client.webhooks(CREDENTIALS)).satisfies(listing -> {
            assertThat(listing.ok()).isFalse();
            assertThat(listing.status()).isEqualTo(403);
        });

        tenovi.reset();
        tenovi.answer(200, 204);
        assertThat(client.updateWebhook(CREDENTIALS, "w1", new TenoviWebhookRegistration("https://a/x", "MEASUREMENT",
                "Authorization", "new", true)).ok()).isTrue();
        assertThat(client.deleteWebhook(CREDENTIALS, "w2").status()).isEqualTo(204);
        assertThat(tenovi.requests()).extracting(r -> r.method() + " " + r.pathAndQuery()).containsExactly(
                "PATCH /clients/myclinic/hwi/webhooks/w1/", "DELETE /clients/myclinic/hwi/webhooks/w2/");
        assertThat(tenovi.requests().get(0).body()).contains("\"auth_key\":\"new\"");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.deleteWebhook(CREDENTIALS, "../w2"))
                .isInstanceOf(TenoviUnavailable.class);
    }

    @Test
    void saysInPlainWordsWhenTenoviDoesNotAnswerInTime() {
        tenovi.answer(new Answer(200, "[]", Map.of(), 2_000));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.webhooks(CREDENTIALS))
                .isInstanceOf(TenoviUnavailable.class).hasMessage("Tenovi did not answer in time");
    }

    @Test
    void registersAWebhookWithTenovisFieldNames() {
        tenovi.answer(new Answer(201, "{\"id\":\"w1\"}", Map.of(), 0));
        TenoviResponse response = client.registerWebhook(CREDENTIALS, new TenoviWebhookRegistration(
                "https://rpm.example/webhooks/tenovi/k", "MEASUREMENT", "Authorization", "s3cret", true));
        assertThat(response.status()).isEqualTo(201);
        FakeTenovi.Request request = tenovi.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.pathAndQuery()).isEqualTo("/clients/myclinic/hwi/webhooks/");
        assertThat(request.body()).contains("\"endpoint\":\"https://rpm.example/webhooks/tenovi/k\"",
                "\"event\":\"MEASUREMENT\"", "\"auth_header\":\"Authorization\"", "\"auth_key\":\"s3cret\"",
                "\"post_as_array\":true");
    }

    @Test
    void credentialsNeverPrintTheKey() {
        assertThat(CREDENTIALS.toString()).doesNotContain(CREDENTIALS.apiKey()).contains("…cdef");
    }
}
