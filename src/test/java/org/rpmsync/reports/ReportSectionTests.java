package org.rpmsync.reports;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.rpmsync.measurements.ReadingType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rpmsync.reports.ReportSection.BATTERY;
import static org.rpmsync.reports.ReportSection.GLUCOSE;
import static org.rpmsync.reports.ReportSection.HEART_RATE;
import static org.rpmsync.reports.ReportSection.MEDICATION;
import static org.rpmsync.reports.ReportSection.PERFUSION_INDEX;
import static org.rpmsync.reports.ReportSection.PULSE;
import static org.rpmsync.reports.ReportSection.SLEEP;
import static org.rpmsync.reports.ReportSection.SPO2;
import static org.rpmsync.reports.ReportSection.STEPS;
import static org.rpmsync.reports.ReportSection.WEIGHT;

class ReportSectionTests {

    @Test
    void everyStoredTypeHasExactlyOneSection() {
        for (ReadingType type : ReadingType.values()) {
            assertThat(Arrays.stream(ReportSection.values()).filter(s -> s.types().contains(type)))
                    .as(type.code()).hasSize(1);
        }
    }

    @Test
    void searchMatchesDeviceNames() {
        assertThat(ReportSection.matching("watch")).containsExactly(STEPS, SLEEP, HEART_RATE, BATTERY);
        assertThat(ReportSection.matching("glucometer")).containsExactly(GLUCOSE, BATTERY);
        assertThat(ReportSection.matching("Scale")).containsExactly(WEIGHT, BATTERY);
        assertThat(ReportSection.matching("pulse ox")).containsExactly(PULSE, SPO2, PERFUSION_INDEX, BATTERY);
        assertThat(ReportSection.matching("pillbox")).containsExactly(MEDICATION, BATTERY);
    }

    @Test
    void searchMatchesTypeNamesAndUnits() {
        assertThat(ReportSection.matching("steps")).containsExactly(STEPS);
        assertThat(ReportSection.matching("sleep")).containsExactly(SLEEP);
        assertThat(ReportSection.matching("mmHg")).containsExactly(ReportSection.BLOOD_PRESSURE);
        assertThat(ReportSection.matching("mg/dL")).containsExactly(GLUCOSE);
        assertThat(ReportSection.matching("heart_rate")).containsExactly(HEART_RATE);
        assertThat(ReportSection.matching("tenovi")).hasSize(ReportSection.values().length);
        assertThat(ReportSection.matching("x-ray")).isEmpty();
    }
}
