package org.rpmsync.reports;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rpmsync.measurements.Reading;
import org.rpmsync.measurements.ReadingType;

import static org.assertj.core.api.Assertions.assertThat;

/** Charts cover the whole range: beyond 500 readings each point is the mean of consecutive readings. */
class VitalsSectionTests {

    static final Instant START = Instant.parse("2023-01-01T13:00:00Z");

    /** {@code count} blood pressure readings a day apart, newest first; systolic = 100 + day index. */
    static List<Reading> pressures(int count) {
        List<Reading> readings = new ArrayList<>();
        for (int i = count - 1; i >= 0; i--) {
            readings.add(new Reading(UUID.randomUUID(), null, "tenovi", "bp-1", "blood_pressure",
                    ReadingType.BLOOD_PRESSURE, START.plus(Duration.ofDays(i)), null, Integer.toString(i),
                    "", "", BigDecimal.valueOf(100 + i), BigDecimal.valueOf(70), "mm[Hg]", null, false, false,
                    START.plus(Duration.ofDays(i))));
        }
        return readings;
    }

    static int points(String json) {
        return json.equals("[]") ? 0 : json.split(",").length;
    }

    @Test
    void upTo500ReadingsAreDrawnOneByOne() {
        VitalsSection section = VitalsSection.of(ReportSection.BLOOD_PRESSURE, pressures(300), 300, List.of(),
                ZoneId.of("UTC"));
        assertThat(section.perPoint()).isEqualTo(1);
        assertThat(section.charted()).isEqualTo(300);
        assertThat(points(section.chartLabels())).isEqualTo(300);
        assertThat(section.chartSeries()).startsWith("[{\"label\":\"Systolic (mmHg)\",\"data\":[100,101,102,");
        assertThat(section.rows()).hasSize(VitalsSection.TABLE_ROWS);
        assertThat(section.rows().get(0).value()).isEqualTo("399/70 mmHg");
    }

    @Test
    void threeYearsAreDrawnAsMeansOfConsecutiveReadings() {
        VitalsSection section = VitalsSection.of(ReportSection.BLOOD_PRESSURE, pressures(1_095), 1_095, List.of(),
                ZoneId.of("UTC"));
        assertThat(section.perPoint()).isEqualTo(3);
        assertThat(section.charted()).isEqualTo(1_095);
        assertThat(points(section.chartLabels())).isEqualTo(365);
        // (100 + 101 + 102) / 3, then (103 + 104 + 105) / 3; the label is the time of each point's last reading.
        assertThat(section.chartSeries()).startsWith("[{\"label\":\"Systolic (mmHg)\",\"data\":[101,104,107,");
        assertThat(section.chartLabels()).startsWith("[\"" + TimeLabels.chartLabel(
                START.plus(Duration.ofDays(2)).atZone(ZoneId.of("UTC"))));
        assertThat(section.chartSeries()).contains("{\"label\":\"Diastolic (mmHg)\",\"data\":[70,70,");
    }

    @Test
    void aPointsMeanLeavesOutMissingValuesAndKeepsOneDecimal() {
        List<Reading> point = pressures(3);
        assertThat(VitalsSection.mean(point.subList(0, 2), Reading::value1)).isEqualByComparingTo("101.5");
        assertThat(VitalsSection.mean(point, r -> r.value1().intValue() == 101 ? null : r.value1()))
                .isEqualByComparingTo("101.0");
        assertThat(VitalsSection.mean(point, r -> null)).isNull();
    }

    static Reading steps(String at, int steps) {
        Instant instant = Instant.parse(at);
        return new Reading(UUID.randomUUID(), null, "tenovi", "watch-1", "steps", ReadingType.STEPS, instant, null, "",
                Integer.toString(steps), "", BigDecimal.valueOf(steps), null, "{steps}", null, false, false, instant);
    }

    @Test
    void stepsAreTotalledPerLocalDayOfTheClientNewestDayFirst() {
        // 23:00 and 23:30 on 28 February in New York, then 01:00 and 09:00 on 1 March.
        List<Reading> newestFirst = List.of(steps("2026-03-01T14:00:00Z", 900), steps("2026-03-01T06:00:00Z", 100),
                steps("2026-03-01T04:30:00Z", 250), steps("2026-03-01T04:00:00Z", 50));
        VitalsSection section = VitalsSection.of(ReportSection.STEPS, newestFirst, 4, List.of(),
                ZoneId.of("America/New_York"), java.util.Map.of("watch-1", "Tenovi Watch · …h-1"));

        assertThat(section.chartType()).isEqualTo("bar");
        assertThat(section.rows()).extracting(VitalsSection.Row::measuredAt)
                .containsExactly("Sun 2026-03-01", "Sat 2026-02-28");
        assertThat(section.rows()).extracting(VitalsSection.Row::value).containsExactly("1000 steps", "300 steps");
        assertThat(section.rows().get(0).device()).isEqualTo("Tenovi Watch · …h-1");
        assertThat(section.chartLabels()).isEqualTo("[\"2026-02-28\",\"2026-03-01\"]");
        assertThat(section.chartSeries()).isEqualTo("[{\"label\":\"Steps per day (steps)\",\"data\":[300,1000]}]");
    }
}
