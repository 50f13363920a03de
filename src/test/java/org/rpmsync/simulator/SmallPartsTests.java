package org.rpmsync.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

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
}
