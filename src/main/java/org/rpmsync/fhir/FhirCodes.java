package org.rpmsync.fhir;

import java.util.Map;
import org.rpmsync.measurements.ReadingType;

/**
 * The code and identifier systems of the FHIR export, and the LOINC codes of the vital signs (see docs/fhir.md).
 * Our own systems are {@code urn:rpmsync:…} URNs: they name what we know and never guess another vocabulary.
 */
final class FhirCodes {

    static final String LOINC = "http://loinc.org";
    static final String UCUM = "http://unitsofmeasure.org";
    static final String CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    static final String PROFILE = "http://hl7.org/fhir/StructureDefinition/";

    /** Our readings that have no vital-sign code: the API's {@code type} (e.g. {@code steps}). */
    static final String READING_TYPE = "urn:rpmsync:fhir:reading-type";
    /** Parts of readings and doses: {@code value-2}, {@code compartment}, {@code due-time}, {@code opened-at}, … */
    static final String COMPONENT = "urn:rpmsync:fhir:component";
    /** What an adherence Observation is: {@code dose} (one due dose) or {@code adherence-summary}. */
    static final String ADHERENCE = "urn:rpmsync:fhir:adherence";
    /** How a dose went: the adherence API's slot {@code status} (taken, late, missed, wrong_compartment, …). */
    static final String DOSE_STATUS = "urn:rpmsync:fhir:dose-status";
    /** What kind of device, from the readings it sent: pillbox, blood-pressure-monitor, glucometer, … */
    static final String DEVICE_KIND = "urn:rpmsync:fhir:device-kind";

    static final String CLIENT_ID = "urn:rpmsync:client-id";
    static final String EXTERNAL_ID = "urn:rpmsync:external-id";
    static final String TENOVI_PATIENT_ID = "urn:rpmsync:tenovi:patient-id";
    static final String HWI_DEVICE_ID = "urn:rpmsync:tenovi:hwi-device-id";

    /** One coding: a code of a system, with its display. */
    record Code(String system, String code, String display) {
    }

    /** A vital sign: its LOINC code, the R4 profile it claims (null: none) and its category. */
    record Vital(Code code, String profile, Code category) {
    }

    static final Code VITAL_SIGNS = new Code(CATEGORY, "vital-signs", "Vital Signs");
    static final Code LABORATORY = new Code(CATEGORY, "laboratory", "Laboratory");
    static final Code ACTIVITY = new Code(CATEGORY, "activity", "Activity");

    static final Map<ReadingType, Vital> VITALS = Map.of(
            ReadingType.BLOOD_PRESSURE, vital("85354-9", "Blood pressure panel with all children optional", "bp"),
            ReadingType.PULSE, vital("8867-4", "Heart rate", "heartrate"),
            ReadingType.HEART_RATE, vital("8867-4", "Heart rate", "heartrate"),
            ReadingType.SPO2, vital("2708-6", "Oxygen saturation in Arterial blood", "oxygensat"),
            ReadingType.WEIGHT, vital("29463-7", "Body weight", "bodyweight"),
            ReadingType.TEMPERATURE, vital("8310-5", "Body temperature", "bodytemp"),
            ReadingType.GLUCOSE, new Vital(new Code(LOINC, "41653-7",
                    "Glucose [Mass/volume] in Capillary blood by Glucometer"), null, LABORATORY));

    static final Code PULSE_OXIMETRY = new Code(LOINC, "59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry");
    static final Code GLUCOSE_MOLAR = new Code(LOINC, "14743-9", "Glucose [Moles/volume] in Capillary blood by Glucometer");
    static final Code SYSTOLIC = new Code(LOINC, "8480-6", "Systolic blood pressure");
    static final Code DIASTOLIC = new Code(LOINC, "8462-4", "Diastolic blood pressure");
    static final Code DATA_ABSENT = new Code("http://terminology.hl7.org/CodeSystem/data-absent-reason", "unknown",
            "Unknown");

    /** A code of our component system ({@code value-2}, {@code compartment}, …). */
    static Code component(String code, String display) {
        return new Code(COMPONENT, code, display);
    }

    static final Code VALUE_2 = component("value-2", "Second value as sent");
    static final Code MEAL_CONTEXT = component("meal-context", "Meal context");

    private FhirCodes() {
    }

    private static Vital vital(String loinc, String display, String profile) {
        return new Vital(new Code(LOINC, loinc, display), PROFILE + profile, VITAL_SIGNS);
    }

    /** The device kind a reading type shows (null: pulse, battery and unknown metrics come from many kinds). */
    static String deviceKind(ReadingType type) {
        return switch (type) {
            case MEDICATION_COMPARTMENT_OPENED, MEDICATION_REFILL_STARTED, MEDICATION_COMPARTMENT_REFILLED -> "pillbox";
            case BLOOD_PRESSURE -> "blood-pressure-monitor";
            case SPO2, PERFUSION_INDEX -> "pulse-oximeter";
            case GLUCOSE -> "glucometer";
            case WEIGHT -> "scale";
            case TEMPERATURE -> "thermometer";
            case PEAK_FLOW -> "peak-flow-meter";
            case STEPS, SLEEP, HEART_RATE -> "activity-tracker";
            case PULSE, BATTERY, OTHER -> null;
        };
    }

    static String deviceKindLabel(String kind) {
        return switch (kind) {
            case "pillbox" -> "PillBox";
            case "blood-pressure-monitor" -> "Blood pressure monitor";
            case "pulse-oximeter" -> "Pulse oximeter";
            case "glucometer" -> "Glucometer";
            case "scale" -> "Scale";
            case "thermometer" -> "Thermometer";
            case "peak-flow-meter" -> "Peak flow meter";
            case "activity-tracker" -> "Activity tracker";
            default -> "Device";
        };
    }
}
