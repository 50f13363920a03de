package org.rpmsync.simulator;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SimClockCatchUpTests {

    @Test
    void aClockStartedInThePastNeverRunsAheadOfRealTime() throws Exception {
        SimClock clock = SimClock.catchingUp(Instant.now().minus(Duration.ofMinutes(1)), 1_000_000);
        Thread.sleep(20);
        assertThat(clock.now()).isBeforeOrEqualTo(Instant.now());
        assertThat(clock.now()).isAfter(Instant.now().minusSeconds(5));
    }
}
