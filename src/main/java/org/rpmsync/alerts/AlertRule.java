package org.rpmsync.alerts;

import java.util.Arrays;
import java.util.Optional;

/** The rules a reading or a client's data can break (spec §7 {@code rule}). */
public enum AlertRule {
    BLOOD_PRESSURE_HIGH("High blood pressure"),
    BLOOD_PRESSURE_LOW("Low blood pressure"),
    GLUCOSE_LOW("Low glucose"),
    GLUCOSE_HIGH("High glucose"),
    SPO2_LOW("Low SpO2"),
    WEIGHT_GAIN("Weight gain"),
    MISSED_DOSES("Missed doses"),
    NO_DATA("No data");

    private final String label;

    AlertRule(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String code() {
        return name().toLowerCase();
    }

    static Optional<AlertRule> fromCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code().equals(code)).findFirst();
    }
}
