package org.rpmsync.cluster;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Leases against a shared bucket kept in the test: how many round trips, and never more spent than taken. */
class LeasesTests {

    private final Leases leases = new Leases();
    private final List<Integer> asked = new ArrayList<>();
    private int sharedTokens;

    private int fromShared(int count) {
        asked.add(count);
        int taken = sharedTokens >= count ? count : Math.min(1, sharedTokens);
        sharedTokens -= taken;
        return taken;
    }

    @Test
    void aBusyKeyTakesGrowingLeasesUpToATenthOfItsRate() {
        RateLimit fiveThousand = new RateLimit("test-lease", 5000, 5000);
        sharedTokens = 5000;
        int granted = 0;
        for (int i = 0; i < 3000; i++) {
            granted += leases.take(fiveThousand, "key", 1_000 + i / 10, this::fromShared) ? 1 : 0;
        }
        assertThat(granted).isEqualTo(3000);
        assertThat(asked).startsWith(1, 2, 4, 8, 16, 32, 64, 128, 256, 500, 500);
        assertThat(asked).as("round trips for 3,000 requests").hasSizeLessThan(16);
        assertThat(5000 - sharedTokens).as("taken from the shared bucket").isBetween(3000, 3000 + 500);
    }

    @Test
    void neverSpendsMoreThanTheSharedBucketGave() {
        RateLimit fiveThousand = new RateLimit("test-lease", 5000, 5000);
        sharedTokens = 700;
        int granted = 0;
        for (int i = 0; i < 2000; i++) {
            granted += leases.take(fiveThousand, "key", 1_000, this::fromShared) ? 1 : 0;
        }
        assertThat(granted).isEqualTo(700);
        assertThat(sharedTokens).isZero();
    }

    @Test
    void whatIsLeftOfALeaseIsDroppedAfterItsLifetimeAndTheNextOneIsSmaller() {
        RateLimit fiveThousand = new RateLimit("test-lease", 5000, 5000);
        sharedTokens = 5000;
        for (int i = 0; i < 1 + 2 + 4 + 1; i++) {
            leases.take(fiveThousand, "key", 1_000, this::fromShared);
        }
        assertThat(asked).containsExactly(1, 2, 4, 8);
        assertThat(leases.take(fiveThousand, "key", 1_000 + Leases.LIFETIME_MILLIS, this::fromShared)).isTrue();
        assertThat(asked).as("7 of the 8 dropped, half as many asked for").containsExactly(1, 2, 4, 8, 4);
        assertThat(5000 - sharedTokens).isEqualTo(19);
    }

    @Test
    void limitsUnderTwentyASecondCountEveryRequest() {
        RateLimit threePerSecond = new RateLimit("test-exact", 3, 3);
        sharedTokens = 3;
        List<Boolean> answers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            answers.add(leases.take(threePerSecond, "key", 1_000, this::fromShared));
        }
        assertThat(answers).containsExactly(true, true, true, false, false);
        assertThat(asked).containsExactly(1, 1, 1, 1, 1);
        assertThat(new RateLimit("api-token", 40, 20).leaseSize()).isEqualTo(2);
    }

    @Test
    void anotherKeyHasItsOwnLease() {
        RateLimit fiveThousand = new RateLimit("test-lease", 5000, 5000);
        sharedTokens = 1;
        assertThat(leases.take(fiveThousand, "a", 1_000, this::fromShared)).isTrue();
        assertThat(leases.take(fiveThousand, "a", 1_000, this::fromShared)).isFalse();
        sharedTokens = 1;
        assertThat(leases.take(fiveThousand, "b", 1_000, this::fromShared)).isTrue();
    }
}
