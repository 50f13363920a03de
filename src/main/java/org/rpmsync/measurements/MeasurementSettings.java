package org.rpmsync.measurements;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code late-after}: a reading that reaches us later than this after it was measured is flagged late. */
@ConfigurationProperties("rpmsync.measurements")
record MeasurementSettings(Duration lateAfter) {

    MeasurementSettings {
        lateAfter = lateAfter == null ? Duration.ofMinutes(15) : lateAfter;
    }
}
