package org.rpmsync.reports;

import static org.rpmsync.reports.FhirCodes.COMPONENT;
import static org.rpmsync.reports.FhirCodes.LOINC;
import static org.rpmsync.reports.FhirCodes.UCUM;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.TimeZone;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.rpmsync.measurements.Reading;
import org.rpmsync.measurements.ReadingType;

/**
 * One reading as one Observation: vital signs with their LOINC code, R4 profile and UCUM quantity; every other
 * type under our reading-type code system, its values as sent. Time is the local time with its offset.
 */
final class FhirReadings {

    private FhirReadings() {
    }

    static Observation observation(Reading r, ZoneId zone, String patient, String device) {
        Observation o = new Observation();
        o.setId(r.id().toString());
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.setSubject(new Reference(patient));
        o.setDevice(new Reference(device));
        o.setEffective(localTime(r.localTime(zone)));
        o.setIssuedElement(new InstantType(Date.from(r.receivedAt())));
        FhirCodes.Vital vital = FhirCodes.VITALS.get(r.type());
        if (vital != null && r.value1() != null && (r.type() != ReadingType.BLOOD_PRESSURE || r.value2() != null)) {
            vitalSign(o, r, vital);
        } else {
            other(o, r);
        }
        if (r.estimatedTimestamp()) {
            o.addNote().setText("The device estimated the time of this reading.");
        }
        return o;
    }

    /** A dateTime in the local offset of the moment, to the second. */
    static DateTimeType localTime(ZonedDateTime local) {
        return new DateTimeType(Date.from(local.toInstant()), TemporalPrecisionEnum.SECOND,
                TimeZone.getTimeZone(local.getOffset()));
    }

    private static void vitalSign(Observation o, Reading r, FhirCodes.Vital vital) {
        if (vital.profile() != null) {
            o.getMeta().addProfile(vital.profile());
        }
        o.addCategory(category(vital.category()));
        String unit = ucum(r.unit());
        boolean molar = r.type() == ReadingType.GLUCOSE && "mmol/L".equals(unit);
        CodeableConcept code = new CodeableConcept().setText(r.type().label());
        code.addCoding(molar ? new Coding(LOINC, FhirCodes.GLUCOSE_MOLAR, FhirCodes.GLUCOSE_MOLAR_DISPLAY)
                : new Coding(LOINC, vital.loinc(), vital.display()));
        if (r.type() == ReadingType.SPO2) {
            code.addCoding(new Coding(LOINC, FhirCodes.PULSE_OXIMETRY, FhirCodes.PULSE_OXIMETRY_DISPLAY));
        }
        o.setCode(code);
        if (r.type() == ReadingType.BLOOD_PRESSURE) {
            o.addComponent().setCode(loinc("8480-6", "Systolic blood pressure")).setValue(quantity(r.value1(), unit));
            o.addComponent().setCode(loinc("8462-4", "Diastolic blood pressure")).setValue(quantity(r.value2(), unit));
            return;
        }
        o.setValue(quantity(r.value1(), unit));
        if (r.label() != null && !r.label().isBlank()) {
            o.addComponent().setCode(own(COMPONENT, "meal-context", "Meal context"))
                    .setValue(new StringType(r.label()));
        }
        if (r.value2() != null) {
            o.addComponent().setCode(own(COMPONENT, "value-2", "Second value as sent"))
                    .setValue(quantity(r.value2(), unit));
        } else if (r.rawValue2() != null && !r.rawValue2().isBlank()) {
            o.addNote().setText("Second value as sent: " + r.rawValue2());
        }
    }

    private static void other(Observation o, Reading r) {
        o.setCode(own(FhirCodes.READING_TYPE, r.type().code(), r.type().label()).setText(r.metric()));
        if (r.type() == ReadingType.STEPS || r.type() == ReadingType.SLEEP) {
            o.addCategory(category("activity"));
        }
        if (r.type().medication() && r.label() != null) {
            o.setValue(new StringType(r.label()));
        } else if (r.value1() != null) {
            o.setValue(quantity(r.value1(), ucum(r.unit())));
        } else if (r.rawValue1() != null && !r.rawValue1().isBlank()) {
            o.setValue(new StringType(r.rawValue1()));
        } else {
            o.setDataAbsentReason(new CodeableConcept().addCoding(new Coding(
                    "http://terminology.hl7.org/CodeSystem/data-absent-reason", "unknown", "Unknown")));
        }
        secondValue(o, r);
    }

    /** The second value as sent (unknown metrics), when there is one. */
    private static void secondValue(Observation o, Reading r) {
        if (r.rawValue2() != null && !r.rawValue2().isBlank() && !r.type().medication()) {
            o.addComponent().setCode(own(COMPONENT, "value-2", "Second value as sent"))
                    .setValue(new StringType(r.rawValue2()));
        }
    }

    static CodeableConcept category(String code) {
        String display = switch (code) {
            case "vital-signs" -> "Vital Signs";
            case "laboratory" -> "Laboratory";
            default -> "Activity";
        };
        return new CodeableConcept().addCoding(new Coding(FhirCodes.CATEGORY, code, display));
    }

    static CodeableConcept own(String system, String code, String display) {
        return new CodeableConcept().addCoding(new Coding(system, code, display));
    }

    private static CodeableConcept loinc(String code, String display) {
        return new CodeableConcept().addCoding(new Coding(LOINC, code, display));
    }

    /** Our units are UCUM; {@code [degC]} (accepted from configuration) is UCUM's {@code Cel}. */
    private static String ucum(String unit) {
        return "[degC]".equals(unit) ? "Cel" : unit;
    }

    static Quantity quantity(BigDecimal value, String ucum) {
        Quantity q = new Quantity().setValue(value);
        if (ucum != null && !ucum.isBlank()) {
            q.setSystem(UCUM).setCode(ucum).setUnit(ReportSection.humanUnit(ucum));
        }
        return q;
    }
}
