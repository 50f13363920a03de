package org.rpmsync.fhir;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.rpmsync.measurements.Reading;
import org.rpmsync.measurements.ReadingType;
import org.rpmsync.fhir.FhirCodes.Code;

/**
 * One reading as one Observation: vital signs with their LOINC code, R4 profile and UCUM quantity; every other
 * type under our reading-type code system, its values as sent. Time is the local time with its offset.
 */
final class FhirReadings {

    private FhirReadings() {
    }

    static void observation(FhirJson json, Reading r, ZoneId zone, String patient, String device) {
        FhirCodes.Vital vital = FhirCodes.VITALS.get(r.type());
        boolean vitalSign = vital != null && r.value1() != null
                && (r.type() != ReadingType.BLOOD_PRESSURE || r.value2() != null);
        json.entry(r.id(), "Observation");
        if (vitalSign && vital.profile() != null) {
            json.object("meta").array("profile").value(vital.profile()).endArray().end();
        }
        json.string("status", "final");
        if (vitalSign) {
            json.concepts("category", vital.category());
            code(json, r, vital);
        } else {
            if (r.type() == ReadingType.STEPS || r.type() == ReadingType.SLEEP) {
                json.concepts("category", FhirCodes.ACTIVITY);
            }
            json.concept("code", r.metric(), new Code(FhirCodes.READING_TYPE, r.type().code(), r.type().label()));
        }
        json.reference("subject", patient).dateTime("effectiveDateTime", r.localTime(zone))
                .instant("issued", r.receivedAt());
        List<String> notes = new ArrayList<>(1);
        if (vitalSign) {
            vitalValue(json, r, notes);
        } else {
            otherValue(json, r);
        }
        if (r.estimatedTimestamp()) {
            notes.add("The device estimated the time of this reading.");
        }
        json.notes(notes).reference("device", device);
        components(json, r, vitalSign);
        json.endEntry();
    }

    private static void code(FhirJson json, Reading r, FhirCodes.Vital vital) {
        if (r.type() == ReadingType.GLUCOSE && "mmol/L".equals(r.unit())) {
            json.concept("code", r.type().label(), FhirCodes.GLUCOSE_MOLAR);
        } else if (r.type() == ReadingType.SPO2) {
            json.concept("code", r.type().label(), vital.code(), FhirCodes.PULSE_OXIMETRY);
        } else {
            json.concept("code", r.type().label(), vital.code());
        }
    }

    private static void vitalValue(FhirJson json, Reading r, List<String> notes) {
        if (r.type() == ReadingType.BLOOD_PRESSURE) {
            return;
        }
        json.quantity("valueQuantity", r.value1(), ucum(r.unit()));
        if (r.value2() == null && r.rawValue2() != null && !r.rawValue2().isBlank()) {
            notes.add("Second value as sent: " + r.rawValue2());
        }
    }

    private static void otherValue(FhirJson json, Reading r) {
        if (r.type().medication() && r.label() != null) {
            json.string("valueString", r.label());
        } else if (r.value1() != null) {
            json.quantity("valueQuantity", r.value1(), ucum(r.unit()));
        } else if (r.rawValue1() != null && !r.rawValue1().isBlank()) {
            json.string("valueString", r.rawValue1());
        } else {
            json.concept("dataAbsentReason", null, FhirCodes.DATA_ABSENT);
        }
    }

    /** Systolic and diastolic; the meal context; the second value as sent. */
    private static void components(FhirJson json, Reading r, boolean vitalSign) {
        String unit = ucum(r.unit());
        boolean label = vitalSign && r.label() != null && !r.label().isBlank();
        BigDecimal second = vitalSign ? r.value2() : null;
        boolean rawSecond = !vitalSign && r.rawValue2() != null && !r.rawValue2().isBlank() && !r.type().medication();
        if (vitalSign && r.type() == ReadingType.BLOOD_PRESSURE) {
            json.array("component");
            json.component(FhirCodes.SYSTOLIC).quantity("valueQuantity", r.value1(), unit).end();
            json.component(FhirCodes.DIASTOLIC).quantity("valueQuantity", r.value2(), unit).end();
            json.endArray();
            return;
        }
        if (!label && second == null && !rawSecond) {
            return;
        }
        json.array("component");
        if (label) {
            json.component(FhirCodes.MEAL_CONTEXT).string("valueString", r.label()).end();
        }
        if (second != null) {
            json.component(FhirCodes.VALUE_2).quantity("valueQuantity", second, unit).end();
        }
        if (rawSecond) {
            json.component(FhirCodes.VALUE_2).string("valueString", r.rawValue2()).end();
        }
        json.endArray();
    }

    /** Our units are UCUM; {@code [degC]} (accepted from configuration) is UCUM's {@code Cel}. */
    static String ucum(String unit) {
        return "[degC]".equals(unit) ? "Cel" : unit;
    }
}
