package org.rpmsync.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rpmsync.simulator.RunningSimulator;
import org.rpmsync.simulator.SimulatorHttp;
import org.springframework.boot.test.web.server.LocalServerPort;

@RunningSimulator
class WebhookDeliveryTests {

    @LocalServerPort
    int port;
    SimulatorHttp http;
    WebhookReceiver receiver;
    String key;
    String domain;
    String device;

    @BeforeEach
    void setUp() throws Exception {
        http = new SimulatorHttp(port);
        receiver = new WebhookReceiver();
        key = "key-" + System.nanoTime();
        domain = http.newAccount(key, null);
        device = http.newPatient(domain, "PAT-W", "ADHERENT", "BPM").get(0);
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    private void register(String event, boolean asArray) {
        var body = new HashMap<String, Object>(Map.of("endpoint", receiver.url("/webhooks/test-sink"),
                "event", event, "auth_header", "X-Tenovi-Secret", "auth_key", "hush-" + domain,
                "post_as_array", asArray));
        assertThat(http.post(http.api(domain) + "/webhooks/", key, body).statusCode()).isEqualTo(201);
    }

    private Map<String, Object> inject(String timestamp) {
        var response = http.control("accounts/" + domain + "/devices/" + device + "/measurements", Map.of(
                "metric", "blood_pressure", "value_1", "121", "value_2", "79.5", "timestamp", timestamp,
                "filter_params", Map.of("measurement_index", 7)));
        return http.map(response.body());
    }

    @Test
    void postsEachMeasurementWithTheConfiguredHeader() throws Exception {
        register("MEASUREMENT", false);
        inject("2026-03-01T07:30:00Z");
        var received = receiver.await(1);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).headers().getFirst("X-Tenovi-Secret")).isEqualTo("hush-" + domain);
        assertThat(received.get(0).headers().getFirst("Content-Type")).isEqualTo("application/json");
        assertThat(http.map(received.get(0).body())).containsEntry("hwi_device_id", device)
                .containsEntry("value_1", "121.00").containsEntry("value_2", "79.50")
                .containsEntry("created", "2026-03-01T07:30:00.000000Z")
                .containsEntry("timestamp", "2026-03-01T07:30:00.000000Z");
    }

    @Test
    void webhookAndApiCopiesOfAMeasurementDifferOnlyInCreated() throws Exception {
        register("MEASUREMENT", false);
        inject("2026-03-01T07:45:00Z");
        var webhook = http.map(receiver.await(1).get(0).body());
        var api = http.list(http.get(http.api(domain) + "/hwi-devices/" + device + "/measurements/", key).body())
                .get(0);
        assertThat(api.get("created")).isNotEqualTo(webhook.get("created"));
        webhook.remove("created");
        api.remove("created");
        assertThat(api).isEqualTo(webhook);
    }

    @Test
    void postsCoincidentReadingsAsOneArrayWhenAskedTo() throws Exception {
        register("MEASUREMENT", true);
        var advanced = http.map(http.control("clock/advance", Map.of("days", 3)).body());
        assertThat((Integer) advanced.get("stored")).isPositive();
        var received = receiver.await(1);
        assertThat(received).isNotEmpty();
        var items = http.list(received.get(0).body());
        assertThat(items.size()).isGreaterThanOrEqualTo(2);
        assertThat(items).extracting(i -> i.get("metric")).contains("blood_pressure", "pulse");
        assertThat(items).extracting(i -> i.get("timestamp")).containsOnly(items.get(0).get("timestamp"));
    }

    @Test
    void sendsFulfillmentStepsUntilConnected() throws Exception {
        register("FULFILLMENT", false);
        assertThat(http.control("accounts/" + domain + "/devices/" + device + "/fulfillment", Map.of())
                .statusCode()).isEqualTo(200);
        var statuses = receiver.await(3).stream().map(r -> http.map(r.body()).get("status")).toList();
        assertThat(statuses).containsExactly("Shipped", "Delivered", "Connected");
    }

    @Test
    void sendsDuplicatesUnknownDevicesAndMalformedItemsOnDemand() throws Exception {
        register("MEASUREMENT", false);
        inject("2026-03-01T08:00:00Z");
        var original = receiver.await(1).get(0).body();
        var anomalies = "accounts/" + domain + "/anomalies";
        http.control(anomalies, Map.of("kind", "DUPLICATE", "count", 1));
        assertThat(receiver.await(1).get(0).body()).isEqualTo(original);
        http.control(anomalies, Map.of("kind", "UNKNOWN_DEVICE", "count", 2));
        assertThat(receiver.await(2)).extracting(r -> http.map(r.body()).get("hwi_device_id"))
                .containsOnly(WebhookAnomalies.UNKNOWN_DEVICE_ID);
        http.control(anomalies, Map.of("kind", "MALFORMED", "count", 1));
        assertThat(receiver.await(1).get(0).body()).startsWith("{\"metric\": \"blood_pressure\", \"value_1\": ");
        http.control(anomalies, Map.of("kind", "OUT_OF_ORDER", "count", 3));
        var times = receiver.await(3).stream().map(r -> (String) http.map(r.body()).get("timestamp")).toList();
        assertThat(times).hasSize(3).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void countsFailedDeliveriesWithoutStoppingTheSimulation() {
        var body = Map.<String, Object>of("endpoint", "http://127.0.0.1:1/closed", "event", "MEASUREMENT");
        assertThat(http.post(http.api(domain) + "/webhooks/", key, body).statusCode()).isEqualTo(201);
        long failedBefore = failed(http.control("webhooks/flush", Map.of()).body());
        inject("2026-03-01T09:00:00Z");
        assertThat(failed(http.control("webhooks/flush", Map.of()).body())).isGreaterThan(failedBefore);
        var deliveries = http.map(http.get(url("webhooks/deliveries"), null).body());
        @SuppressWarnings("unchecked")
        var last = (List<Map<String, Object>>) deliveries.get("deliveries");
        assertThat(last).anySatisfy(d -> assertThat(d).containsEntry("target", "http://127.0.0.1:1")
                .containsEntry("status", -1));
        assertThat(http.control("clock/advance", Map.of("hours", 1)).statusCode()).isEqualTo(200);
    }

    private String url(String control) {
        return "http://127.0.0.1:" + port + "/simulator/tenovi/_control/" + control;
    }

    private long failed(String stats) {
        return ((Number) http.map(stats).get("failed")).longValue();
    }
}
