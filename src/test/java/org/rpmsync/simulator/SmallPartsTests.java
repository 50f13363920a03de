package org.rpmsync.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SmallPartsTests {

    @Test
    void formatsValuesWithTwoDecimalsAndTimesWithMicrosecondsAndZ() {
        assertThat(WireFormat.decimal(new BigDecimal("120"))).isEqualTo("120.00");
        assertThat(WireFormat.decimal(new BigDecimal("98.765"))).isEqualTo("98.77");
        assertThat(WireFormat.time(Instant.parse("2024-10-16T04:10:00Z"))).isEqualTo("2024-10-16T04:10:00.000000Z");
        assertThat(WireFormat.time(Instant.parse("2024-10-16T04:10:00.123456789Z")))
                .isEqualTo("2024-10-16T04:10:00.123456Z");
    }

    @Test
    void rateLimiterAllowsOneRequestPerSecondPerKey() {
        var nanos = new AtomicLong();
        var limiter = new RateLimiter(nanos::get);
        assertThat(limiter.acquire("a", 1.0, 1)).isZero();
        assertThat(limiter.acquire("a", 1.0, 1)).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(limiter.acquire("b", 1.0, 1)).isZero();
        nanos.addAndGet(Duration.ofMillis(1000).toNanos());
        assertThat(limiter.acquire("a", 1.0, 1)).isZero();
        assertThat(limiter.acquire("a", 1.0, 1)).isPositive();
    }

    @Test
    void simulatedClockRunsFasterThanRealTimeAndJumpsAhead() {
        var real = new AtomicLong();
        var clock = new SimClock(Instant.parse("2026-01-01T00:00:00Z"), 60, real::get);
        real.set(Duration.ofSeconds(10).toNanos());
        assertThat(clock.now()).isEqualTo(Instant.parse("2026-01-01T00:10:00Z"));
        clock.advance(Duration.ofHours(1));
        assertThat(clock.now()).isEqualTo(Instant.parse("2026-01-01T01:10:00Z"));
        assertThatThrownBy(() -> clock.advance(Duration.ofHours(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void configuredWebhookTargetsServeTheirAccountAndEventOnly() {
        var targets = List.of(
                new SimulatorProperties.Target("http://127.0.0.1:1/a", "Authorization", "k", false, "MEASUREMENT", null),
                new SimulatorProperties.Target("http://127.0.0.1:1/b", "X-Key", "k", true, "MEASUREMENT", "other"),
                new SimulatorProperties.Target("http://127.0.0.1:1/c", "X-Key", "k", false, "FULFILLMENT", "clinic"));
        try (var sender = new WebhookSender(new SimulatorProperties.Webhooks(Duration.ofSeconds(1),
                Duration.ofSeconds(1), 10, 10, targets), JsonMapper.builder().build())) {
            var account = new Account("clinic", Set.of("key"), null);
            account.addWebhook(new TenoviWebhook("id", null, null, "http://127.0.0.1:1/d", "MEASUREMENT", null, null,
                    true, true));
            assertThat(sender.targets(account, WebhookSender.MEASUREMENT)).extracting(WebhookTarget::url)
                    .containsExactly("http://127.0.0.1:1/a", "http://127.0.0.1:1/d");
            assertThat(sender.targets(account, WebhookSender.FULFILLMENT)).extracting(WebhookTarget::url)
                    .containsExactly("http://127.0.0.1:1/c");
            assertThat(WebhookTarget.of(targets.get(0)).origin()).isEqualTo("http://127.0.0.1:1");
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
