package org.rpmsync.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class WebhookLoadTests {

    @Test
    void sendsEveryPlannedDeliveryWithTheHeaderAndReportsLatencies() throws Exception {
        try (var receiver = new WebhookReceiver()) {
            var plan = WebhookLoad.plan(new String[] {"--url", receiver.url("/webhooks/tenovi/k"), "--rate", "40",
                    "--seconds", "1", "--connections", "2", "--header", "X-Secret", "--secret", "s3"});
            var result = new LoadRun(plan).run();
            assertThat(result.sent()).isEqualTo(40);
            assertThat(result.ok()).isEqualTo(40);
            assertThat(result.latency().getTotalCount()).isEqualTo(40);
            assertThat(result.report()).contains("2xx          40", "p99.9").doesNotContain("s3", "/webhooks/tenovi/k");
            var received = receiver.await(40);
            assertThat(received).hasSize(40).allSatisfy(r ->
                    assertThat(r.headers().getFirst("X-Secret")).isEqualTo("s3"));
            var json = JsonMapper.builder().build();
            var timestamps = received.stream().map(r -> json.readTree(r.body()).get("timestamp").asString())
                    .collect(Collectors.toSet());
            assertThat(timestamps).hasSize(40);
        }
    }

    @Test
    void loadModeRefusesNonLoopbackTargetsAndUnboundedRuns() {
        assertThatThrownBy(() -> WebhookLoad.requireLoopback(URI.create("http://10.1.2.3/webhooks")))
                .hasMessageContaining("non-loopback");
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
