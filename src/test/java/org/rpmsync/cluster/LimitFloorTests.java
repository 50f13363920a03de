package org.rpmsync.cluster;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** With the database unreachable, the shared limits still limit: each instance keeps the same buckets in memory. */
class LimitFloorTests {

    private static final ClusterSettings SETTINGS = new ClusterSettings(Duration.ofDays(1), Duration.ofMillis(400));
    private final SharedLimits limits = new SharedLimits(new BucketStore(
            new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/unreachable?connectTimeout=1", "x", ""),
            SETTINGS), SETTINGS);

    @Test
    void aBucketStillEmptiesWhileTheDatabaseIsUnreachable() {
        RateLimit threePerHour = RateLimit.per("test-floor", 3, Duration.ofHours(1));
        assertThat(limits.take(threePerHour, "token-1")).isTrue();
        assertThat(limits.take(threePerHour, "token-1")).isTrue();
        assertThat(limits.take(threePerHour, "token-1")).isTrue();
        assertThat(limits.take(threePerHour, "token-1")).isFalse();
        assertThat(limits.take(threePerHour, "token-2")).as("another key is unaffected").isTrue();
    }

    @Test
    void signInFailuresStillLockAndASuccessStillClears() {
        RateLimit failures = RateLimit.per("test-floor-sign-in", 2, Duration.ofMinutes(15));
        assertThat(limits.exhausted(failures, "nurse@example.test")).isFalse();
        limits.count(failures, "nurse@example.test");
        limits.count(failures, "nurse@example.test");
        assertThat(limits.exhausted(failures, "nurse@example.test")).isTrue();
        limits.reset(failures, "nurse@example.test");
        assertThat(limits.exhausted(failures, "nurse@example.test")).isFalse();
    }
}
