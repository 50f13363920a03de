package org.rpmsync.billing;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The billing figures of an RPM month at their edges (2026 CPT codes), and the near-month-end hint. */
class RpmMonthTests {

    static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    static RpmMonth days(int count, int minutes) {
        return new RpmMonth(UUID.randomUUID(), NOVEMBER, ZoneId.of("UTC"), (int) ((1L << count) - 1),
                (int) ((1L << count) - 1), minutes);
    }

    @Test
    void bandsAndDeviceCodesAtTheirEdges() {
        assertThat(days(0, 0).band()).isEqualTo("none");
        assertThat(days(1, 0).band()).isEqualTo("none");
        assertThat(days(1, 0).cptCode()).isNull();
        assertThat(days(2, 0).band()).isEqualTo("2-15");
        assertThat(days(2, 0).cptCode()).isEqualTo("99445");
        assertThat(days(15, 0).cptCode()).isEqualTo("99445");
        assertThat(days(16, 0).band()).isEqualTo("16-30");
        assertThat(days(16, 0).cptCode()).isEqualTo("99454");
        assertThat(days(30, 0).cptCode()).isEqualTo("99454");
        assertThat(days(30, 0).daysWithData()).isEqualTo(30);
        assertThat(days(30, 0).dates()).hasSize(30).startsWith(LocalDate.of(2026, 11, 1))
                .endsWith(LocalDate.of(2026, 11, 30));
    }

    @Test
    void careMinuteCodesAtTheirEdges() {
        assertThat(days(0, 9).careCptCodes()).isEmpty();
        assertThat(days(0, 10).careCptCodes()).containsExactly("99470");
        assertThat(days(0, 19).careCptCodes()).containsExactly("99470");
        assertThat(days(0, 20).careCptCodes()).containsExactly("99457");
        assertThat(days(0, 39).careCptCodes()).containsExactly("99457");
        assertThat(days(0, 40).careCptCodes()).containsExactly("99457", "99458");
        assertThat(days(0, 59).careCptCodes()).containsExactly("99457", "99458");
        assertThat(days(0, 60).careCptCodes()).containsExactly("99457", "99458", "99458");
    }

    @Test
    void theHintNearTheMonthEndSaysWhatItTakesToReach16() {
        // 14 days (Nov 1–14), today Nov 28 without data yet: 28, 29, 30 are left, 2 are needed.
        assertThat(days(14, 0).hint(LocalDate.of(2026, 11, 28))).isEqualTo("2 more days to reach 16 · 3 days left");
        assertThat(days(15, 0).hint(LocalDate.of(2026, 11, 30))).isEqualTo("1 more day to reach 16 · 1 day left");
        assertThat(days(10, 0).hint(LocalDate.of(2026, 11, 28))).startsWith("cannot reach 16 days");
        assertThat(days(16, 0).hint(LocalDate.of(2026, 11, 28))).isNull();
        assertThat(days(5, 0).hint(LocalDate.of(2026, 11, 10))).as("not near the end").isNull();
        assertThat(days(5, 0).hint(LocalDate.of(2026, 12, 28))).as("another month").isNull();
    }

    @Test
    void dataThatDoesNotCountIsShownBesideTheDays() {
        RpmMonth m = new RpmMonth(UUID.randomUUID(), NOVEMBER, ZoneId.of("UTC"), 0b1, 0b111, 0);
        assertThat(m.daysWithData()).isEqualTo(1);
        assertThat(m.daysWithAnyData()).isEqualTo(3);
        assertThat(m.otherDataOnly(2)).isTrue();
        assertThat(m.otherDataOnly(1)).isFalse();
        assertThat(m.dates()).isEqualTo(List.of(LocalDate.of(2026, 11, 1)));
    }
}
