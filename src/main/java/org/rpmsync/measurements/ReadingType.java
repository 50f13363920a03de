package org.rpmsync.measurements;

import java.util.Arrays;
import java.util.Optional;

/** The neutral vocabulary of readings (spec §5 {@code type}); anything a vendor sends that we don't know is OTHER. */
public enum ReadingType {
    MEDICATION_COMPARTMENT_OPENED("Medication compartment opened"),
    MEDICATION_REFILL_STARTED("Medication refill started"),
    MEDICATION_COMPARTMENT_REFILLED("Medication compartment refilled"),
    BLOOD_PRESSURE("Blood pressure"),
    PULSE("Pulse"),
    SPO2("SpO2"),
    PERFUSION_INDEX("Perfusion index"),
    GLUCOSE("Glucose"),
    WEIGHT("Weight"),
    TEMPERATURE("Temperature"),
    PEAK_FLOW("Peak flow"),
    STEPS("Steps"),
    SLEEP("Sleep"),
    HEART_RATE("Heart rate"),
    BATTERY("Battery"),
    OTHER("Other");

    private final String label;

    ReadingType(String label) {
        this.label = label;
    }

    /** The API name, e.g. {@code medication_compartment_opened}. */
    public String code() {
        return name().toLowerCase();
    }

    public String label() {
        return label;
    }

    public boolean medication() {
        return name().startsWith("MEDICATION_");
    }

    public static Optional<ReadingType> fromCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code().equals(code)).findFirst();
    }
}
