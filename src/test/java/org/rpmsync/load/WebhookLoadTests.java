package org.rpmsync.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class WebhookLoadTests {

    @Test
    void sendsEveryPlannedDeliveryWithTheHeaderAndReportsLatencies() throws Exception {
        try (var receiver = new LoadReceiver()) {
            var plan = WebhookLoad.plan(new String[] {"--url", receiver.url("/webhooks/tenovi/k"), "--rate", "40",
                    "--seconds", "1", "--connections", "2", "--header", "X-Secret", "--secret", "s3"});
            var result = new LoadRun(plan).run();
            assertThat(result.sent()).isEqualTo(40);
            assertThat(result.ok()).isEqualTo(40);
            assertThat(result.latency().getTotalCount()).isEqualTo(40);
            assertThat(result.report()).contains("sent         40 (not sent: 0)", "2xx          40", "p99.9",
                    "ms per delivery sent").doesNotContain("s3", "/webhooks/tenovi/k");
            var received = receiver.await(40);
            assertThat(received).hasSize(40).allSatisfy(r -> {
                assertThat(r.headers().getFirst("X-Secret")).isEqualTo("s3");
                assertThat(r.path()).isEqualTo("/webhooks/tenovi/k");
            });
            var json = JsonMapper.builder().build();
            var timestamps = received.stream().map(r -> json.readTree(r.body()).get("timestamp").asString())
                    .collect(Collectors.toSet());
            assertThat(timestamps).hasSize(40);
        }
    }

    @Test
    void runsOneRightAfterAnotherSendDistinctMeasurements() throws Exception {
        try (var receiver = new LoadReceiver()) {
            var json = JsonMapper.builder().build();
            // as bench/ingest/run.sh with SKIP_OVERLOAD=1: a run of one delivery, then at once the next run
            for (var rate : new String[] {"1", "20"}) {
                new LoadRun(WebhookLoad.plan(new String[] {"--url", receiver.url("/x"), "--rate", rate, "--seconds", "1",
                        "--connections", "2"})).run();
            }
            var timestamps = receiver.await(21).stream().map(r -> json.readTree(r.body()).get("timestamp").asString())
                    .collect(Collectors.toSet());
            assertThat(timestamps).hasSize(21);
        }
    }

    @Test
    void pacesDeliveriesAtTheRateOverAtMostTheGivenConnections() throws Exception {
        try (var receiver = new LoadReceiver()) {
            var plan = WebhookLoad.plan(new String[] {"--url", receiver.url("/x"), "--rate", "400", "--seconds", "1",
                    "--connections", "4"});
            var result = new LoadRun(plan).run();
            assertThat(result.ok()).isEqualTo(400);
            assertThat(result.elapsedSeconds()).as("the last delivery is due 0.9975 s after the first")
                    .isGreaterThanOrEqualTo(0.9975);
            var received = receiver.await(400);
            assertThat(received).hasSize(400);
            assertThat(received.stream().map(LoadReceiver.Received::remotePort).distinct().count()).isLessThanOrEqualTo(4);
        }
    }

    @Test
    void waitingForABusyConnectionCountsInTheAckLatency() throws Exception {
        try (var receiver = new LoadReceiver()) {
            var plan = WebhookLoad.plan(new String[] {"--url", receiver.url("/slow/100"), "--rate", "20", "--seconds",
                    "1", "--connections", "1"});
            var result = new LoadRun(plan).run();
            assertThat(result.ok()).isEqualTo(20);
            assertThat(result.service().getValueAtPercentile(50)).isGreaterThanOrEqualTo(100_000);
            // the 20th is due at 0.95 s but cannot be answered before 20 x 100 ms: at least 1.05 s late
            assertThat(result.latency().getMaxValue()).isGreaterThanOrEqualTo(1_050_000);
            assertThat(result.latency().getMaxValue()).isGreaterThan(result.service().getMaxValue() * 5);
        }
    }

    @Test
    void loadModeRefusesNonLoopbackTargetsAndUnboundedRuns() {
        assertThatThrownBy(() -> WebhookLoad.requireLoopback(URI.create("http://10.1.2.3/webhooks")))
                .hasMessageContaining("non-loopback");
        assertThatThrownBy(() -> WebhookLoad.requireLoopback(URI.create("https://127.0.0.1/webhooks")))
                .hasMessageContaining("http URL");
        WebhookLoad.requireLoopback(URI.create("http://127.0.0.1:8080/webhooks"));
        assertThatThrownBy(() -> WebhookLoad.plan(new String[] {"--url", "http://127.0.0.1:1/x", "--rate", "10",
                "--seconds", "999999", "--connections", "1"})).hasMessageContaining("--seconds");
        var plan = WebhookLoad.plan(new String[] {"--url", "http://127.0.0.1:1/x", "--rate", "10", "--seconds", "2",
                "--connections", "3", "--secret", "s", "--array"});
        assertThat(plan.deliveries()).isEqualTo(20);
        assertThat(plan.header()).isEqualTo("Authorization");
        assertThat(plan.asArray()).isTrue();
    }
}
