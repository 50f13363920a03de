package org.rpmsync.reports;

import java.math.BigDecimal;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.rpmsync.adherence.Scorecard;
import org.rpmsync.adherence.SlotStatus;
import org.rpmsync.clients.Client;
import org.rpmsync.measurements.Reading;
import org.rpmsync.measurements.ReadingType;

/**
 * A client's data as a FHIR R4 collection Bundle: the Patient, one Device per hwi_device_id, LOINC-coded vital
 * Observations with UCUM quantities and the measuring device, and the adherence of a range as a
 * MedicationStatement (what the PillBox saw; the medication itself is not known to us).
 */
final class FhirBundle {

    static final String LOINC = "http://loinc.org";
    static final String UCUM = "http://unitsofmeasure.org";
    static final String DEVICE_SYSTEM = "urn:rpmsync:tenovi:hwi-device-id";
    static final Map<ReadingType, String[]> CODES = Map.of(
            ReadingType.BLOOD_PRESSURE, new String[] {"85354-9", "Blood pressure panel with all children optional"},
            ReadingType.PULSE, new String[] {"8867-4", "Heart rate"},
            ReadingType.HEART_RATE, new String[] {"8867-4", "Heart rate"},
            ReadingType.SPO2, new String[] {"59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry"},
            ReadingType.GLUCOSE, new String[] {"2339-0", "Glucose [Mass/volume] in Blood"},
            ReadingType.WEIGHT, new String[] {"29463-7", "Body weight"},
            ReadingType.TEMPERATURE, new String[] {"8310-5", "Body temperature"},
            ReadingType.STEPS, new String[] {"55423-8", "Number of steps in unspecified time Pedometer"});

    private FhirBundle() {
    }

    static Set<ReadingType> exportedTypes() {
        return CODES.keySet();
    }

    static Bundle of(Client client, List<Reading> readings, Scorecard adherence) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        bundle.setTimestamp(new Date());
        String patientRef = "Patient/" + client.id();
        Patient patient = new Patient();
        patient.setId(client.id().toString());
        patient.addName().setFamily(client.lastName()).addGiven(client.firstName());
        if (client.externalId() != null) {
            patient.addIdentifier().setSystem("urn:rpmsync:external-id").setValue(client.externalId());
        }
        bundle.addEntry().setFullUrl(patientRef).setResource(patient);
        Set<String> devices = new LinkedHashSet<>();
        readings.forEach(r -> devices.add(r.deviceId()));
        for (String deviceId : devices) {
            Device device = new Device();
            device.setId(deviceRef(deviceId).substring("Device/".length()));
            device.addIdentifier().setSystem(DEVICE_SYSTEM).setValue(deviceId);
            device.setPatient(new Reference(patientRef));
            bundle.addEntry().setFullUrl(deviceRef(deviceId)).setResource(device);
        }
        for (Reading r : readings) {
            if (CODES.containsKey(r.type()) && r.value1() != null) {
                bundle.addEntry().setFullUrl("Observation/" + r.id()).setResource(observation(r, patientRef));
            }
        }
        if (adherence != null) {
            bundle.addEntry().setFullUrl("MedicationStatement/adherence-" + client.id())
                    .setResource(statement(client, adherence, patientRef));
        }
        return bundle;
    }

    private static String deviceRef(String deviceId) {
        return "Device/" + deviceId.replaceAll("[^A-Za-z0-9\\-.]", "-");
    }

    private static Observation observation(Reading r, String patientRef) {
        Observation o = new Observation();
        o.setId(r.id().toString());
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.addCategory(new CodeableConcept().addCoding(new Coding(
                "http://terminology.hl7.org/CodeSystem/observation-category", "vital-signs", "Vital Signs")));
        String[] code = CODES.get(r.type());
        o.setCode(new CodeableConcept().addCoding(new Coding(LOINC, code[0], code[1])).setText(r.type().label()));
        o.setSubject(new Reference(patientRef));
        o.setDevice(new Reference(deviceRef(r.deviceId())));
        DateTimeType effective = new DateTimeType(Date.from(r.measuredAt()));
        if (r.utcOffsetMinutes() != null) {
            effective.setTimeZone(TimeZone.getTimeZone(java.time.ZoneOffset.ofTotalSeconds(r.utcOffsetMinutes() * 60)));
        } else {
            effective.setTimeZoneZulu(true);
        }
        o.setEffective(effective);
        if (r.type() == ReadingType.BLOOD_PRESSURE) {
            o.addComponent().setCode(new CodeableConcept().addCoding(new Coding(LOINC, "8480-6", "Systolic blood pressure")))
                    .setValue(quantity(r.value1(), "mm[Hg]"));
            o.addComponent().setCode(new CodeableConcept().addCoding(new Coding(LOINC, "8462-4", "Diastolic blood pressure")))
                    .setValue(quantity(r.value2(), "mm[Hg]"));
        } else {
            o.setValue(quantity(r.value1(), r.unit()));
        }
        return o;
    }

    private static Quantity quantity(BigDecimal value, String ucum) {
        Quantity q = new Quantity().setValue(value);
        if (ucum != null) {
            q.setSystem(UCUM).setCode(ucum).setUnit(ReportSection.humanUnit(ucum));
        }
        return q;
    }

    private static MedicationStatement statement(Client client, Scorecard card, String patientRef) {
        MedicationStatement s = new MedicationStatement();
        s.setId("adherence-" + client.id());
        s.setStatus(MedicationStatement.MedicationStatementStatus.ACTIVE);
        s.setMedication(new CodeableConcept().setText("Doses from the PillBox (medication not recorded)"));
        s.setSubject(new Reference(patientRef));
        s.setEffective(new Period()
                .setStartElement(new DateTimeType(card.from().toString()))
                .setEndElement(new DateTimeType(card.to().toString())));
        s.addNote().setText(String.format(java.util.Locale.ROOT,
                "Adherence %s to %s: %s%% taken, %s%% on time (adjudicated %s%%); taken %d, late %d, missed %d, "
                        + "wrong compartment %d, extra openings %d", card.from(), card.to(), card.percentTaken(),
                card.percentOnTime(), card.percentTakenAdjudicated(), card.count(SlotStatus.TAKEN),
                card.count(SlotStatus.LATE), card.count(SlotStatus.MISSED),
                card.count(SlotStatus.WRONG_COMPARTMENT), card.extras().size()));
        s.addDosage().setText("AM " + card.schedule().am() + ", PM " + card.schedule().pm() + " (±"
                + card.schedule().windowMinutes() + " min)");
        return s;
    }
}
