package org.rpmsync.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.rpmsync.adherence.Opening;
import org.rpmsync.adherence.Period;
import org.rpmsync.adherence.Schedule;
import org.rpmsync.adherence.Scorecard;
import org.rpmsync.adherence.Slot;
import org.rpmsync.adherence.SlotStatus;
import org.rpmsync.clients.Assignment;
import org.rpmsync.clients.Client;
import org.rpmsync.clients.ClientId;
import org.rpmsync.measurements.Reading;
import org.rpmsync.measurements.ReadingType;
import org.rpmsync.organization.OrganizationId;

/** The Bundle of every reading type and every dose status, checked by the HL7 validator (R4 core, offline). */
class FhirBundleTests {

    static final ZoneId ZONE = ZoneId.of("America/Chicago");
    static final Instant AT = Instant.parse("2025-03-10T14:00:00Z");
    final Client client = new Client(ClientId.of(UUID.randomUUID()), OrganizationId.of(UUID.randomUUID()), "Rosa",
            "Parks", null, "MRN-77", ZONE, Instant.parse("2025-01-01T00:00:00Z"));

    static Reading reading(String device, ReadingType type, String v1, String v2, String unit, String label,
                           Integer offset) {
        return new Reading(UUID.randomUUID(), null, "tenovi", device, type.code(), type, AT, offset, "", v1,
                v2 == null ? "" : v2, v1.matches("-?[0-9.]+") ? new BigDecimal(v1) : null,
                v2 != null && v2.matches("-?[0-9.]+") ? new BigDecimal(v2) : null, unit, label, false, false,
                AT.plusSeconds(30));
    }

    static List<Reading> everyType() {
        List<Reading> readings = new ArrayList<>();
        readings.add(reading("pill-1", ReadingType.MEDICATION_COMPARTMENT_OPENED, "2", "1", null, "Monday AM", -300));
        readings.add(reading("pill-1", ReadingType.MEDICATION_REFILL_STARTED, "1", null, null, null, -300));
        readings.add(reading("pill-1", ReadingType.MEDICATION_COMPARTMENT_REFILLED, "3", "2", null, "Tuesday PM", -300));
        readings.add(reading("bp-1", ReadingType.BLOOD_PRESSURE, "128", "82", "mm[Hg]", null, null));
        readings.add(reading("bp-1", ReadingType.PULSE, "71", null, "/min", null, null));
        readings.add(reading("ox-1", ReadingType.SPO2, "97", null, "%", null, null));
        readings.add(reading("ox-1", ReadingType.PERFUSION_INDEX, "2.4", null, "%", null, null));
        readings.add(reading("gl-1", ReadingType.GLUCOSE, "104", null, "mg/dL", "before meal", null));
        readings.add(reading("sc-1", ReadingType.WEIGHT, "181.4", null, "[lb_av]", null, null));
        readings.add(reading("th-1", ReadingType.TEMPERATURE, "98.6", null, "[degF]", null, null));
        readings.add(reading("pf-1", ReadingType.PEAK_FLOW, "420", null, "L/min", null, null));
        readings.add(reading("wa-1", ReadingType.STEPS, "5400", null, "{steps}", null, null));
        readings.add(reading("wa-1", ReadingType.SLEEP, "7.5", null, "h", null, null));
        readings.add(reading("wa-1", ReadingType.HEART_RATE, "64", "88", "/min", null, null));
        readings.add(reading("wa-1", ReadingType.BATTERY, "80", null, "%", null, null));
        readings.add(reading("wa-1", ReadingType.OTHER, "abc", "12", null, null, null));
        return readings;
    }

    Scorecard everyStatus(Reading opened) {
        Opening opening = new Opening(opened.id(), opened.measuredAt(), opened.localDateTime(ZONE), 2, Period.AM,
                false);
        LocalDate day = LocalDate.of(2025, 3, 10);
        List<Slot> slots = List.of(new Slot(day.minusDays(2), Period.AM, SlotStatus.NOT_MONITORED, null, null),
                new Slot(day.minusDays(2), Period.PM, SlotStatus.MISSED, null, "Hospital stay"),
                new Slot(day.minusDays(1), Period.AM, SlotStatus.LATE, opening, null),
                new Slot(day.minusDays(1), Period.PM, SlotStatus.WRONG_COMPARTMENT, opening, null),
                new Slot(day, Period.AM, SlotStatus.TAKEN, opening, null),
                new Slot(day, Period.PM, SlotStatus.NOT_YET_DUE, null, null));
        return new Scorecard(Schedule.DEFAULT, day.minusDays(2), day, new org.rpmsync.adherence.Monitoring(List.of(
                new org.rpmsync.adherence.Monitoring.MonitoredPeriod(java.time.Instant.parse("2025-03-08T12:00:00Z"),
                        null))), ZONE, slots, List.of());
    }

    /** The Bundle as the export streams it. */
    static String json(FhirBundle.Content content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new FhirBundle(content).write(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The streamed Bundle, read back by HAPI FHIR. */
    static Bundle bundle(FhirBundle.Content content) {
        return FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, json(content));
    }

    @Test
    void bundleOfEveryReadingTypeAndDoseStatusHasNoValidationErrors() {
        List<Reading> readings = everyType();
        assertThat(readings.stream().map(Reading::type).distinct()).containsExactlyInAnyOrder(ReadingType.values());
        Assignment named = new Assignment(UUID.randomUUID(), client.id(), "tenovi", "bp-1", "Tenovi BPM - L", "10",
                null, null, false, Instant.EPOCH, Instant.EPOCH, null);
        var content = new FhirBundle.Content(client, "TP-9", List.of(named), readings, null,
                everyStatus(readings.get(0)));
        String json = json(content);
        Bundle bundle = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, json);
        if (Boolean.getBoolean("fhir.messages")) {
            FhirValidation.all(json).forEach(System.out::println);
            System.out.println(json);
        }
        assertThat(FhirValidation.errors(json)).isEmpty();
        assertThat(bundle.getEntry()).allMatch(e -> e.getFullUrl().startsWith("urn:uuid:"));
        assertThat(bundle.getEntry()).filteredOn(e -> e.getResource() instanceof Observation)
                .hasSize(readings.size() + 5 + 1);
        assertThat(bundle.getEntry()).filteredOn(e -> e.getResource() instanceof Device).hasSize(8);
        assertThat(unresolved(bundle)).isEmpty();
    }

    /** The references that point at no entry of the Bundle. */
    static List<String> unresolved(Bundle bundle) {
        Set<String> urls = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getFullUrl)
                .collect(Collectors.toSet());
        var terser = FhirContext.forR4Cached().newTerser();
        List<String> references = bundle.getEntry().stream()
                .flatMap(e -> terser.getAllPopulatedChildElementsOfType(e.getResource(), Reference.class).stream())
                .map(Reference::getReference).toList();
        assertThat(references).isNotEmpty();
        return references.stream().filter(r -> !urls.contains(r)).toList();
    }

    static <T extends Resource> List<T> resources(Bundle bundle, Class<T> type) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance)
                .map(type::cast).toList();
    }

    static Observation coded(Bundle bundle, String code) {
        return resources(bundle, Observation.class).stream()
                .filter(o -> o.getCode().getCoding().stream().anyMatch(c -> c.getCode().equals(code)))
                .findFirst().orElseThrow();
    }

    @Test
    void vitalSignsClaimTheirProfileWithLoincCodesUcumUnitsAndTheLocalOffset() {
        List<Reading> readings = everyType();
        Bundle bundle = bundle(new FhirBundle.Content(client, null, List.of(), readings, null, null));
        Observation bp = coded(bundle, "85354-9");
        assertThat(bp.getMeta().getProfile()).extracting(p -> p.getValue())
                .containsExactly("http://hl7.org/fhir/StructureDefinition/bp");
        assertThat(bp.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("vital-signs");
        assertThat(bp.getComponent()).extracting(c -> c.getCode().getCodingFirstRep().getCode() + " "
                + c.getValueQuantity().getValue() + " " + c.getValueQuantity().getCode())
                .containsExactly("8480-6 128 mm[Hg]", "8462-4 82 mm[Hg]");
        assertThat(bp.getEffectiveDateTimeType().getValueAsString()).isEqualTo("2025-03-10T09:00:00-05:00");
        Observation spo2 = coded(bundle, "2708-6");
        assertThat(spo2.getCode().getCoding()).extracting(c -> c.getCode()).containsExactly("2708-6", "59408-5");
        assertThat(coded(bundle, "8867-4").getValueQuantity().getCode()).isEqualTo("/min");
        assertThat(coded(bundle, "29463-7").getValueQuantity().getCode()).isEqualTo("[lb_av]");
        assertThat(coded(bundle, "8310-5").getMeta().getProfile().get(0).getValue()).endsWith("/bodytemp");
        assertThat(coded(bundle, "41653-7").getValueQuantity().getCode()).isEqualTo("mg/dL");
        Observation steps = coded(bundle, "steps");
        assertThat(steps.getCode().getCodingFirstRep().getSystem()).isEqualTo(FhirCodes.READING_TYPE);
        assertThat(steps.getMeta().getProfile()).isEmpty();
        assertThat(coded(bundle, "other").getComponentFirstRep().getValueStringType().getValue()).isEqualTo("12");
        Observation opened = coded(bundle, "medication_compartment_opened");
        assertThat(opened.getValueStringType().getValue()).isEqualTo("Monday AM");
        assertThat(opened.getEffectiveDateTimeType().getValueAsString()).isEqualTo("2025-03-10T09:00:00-05:00");
    }

    @Test
    void patientAndDevicesCarryTheirIdentifiersNamesAndManufacturer() {
        Assignment named = new Assignment(UUID.randomUUID(), client.id(), "tenovi", "bp-1", "Tenovi BPM - L", "10",
                null, null, false, Instant.EPOCH, Instant.EPOCH, null);
        Bundle bundle = bundle(new FhirBundle.Content(client, "TP-9", List.of(named), everyType(), null, null));
        Patient patient = resources(bundle, Patient.class).get(0);
        assertThat(patient.getIdentifier()).extracting(i -> i.getSystem() + "|" + i.getValue()).containsExactly(
                FhirCodes.CLIENT_ID + "|" + client.id(), FhirCodes.EXTERNAL_ID + "|MRN-77",
                FhirCodes.TENOVI_PATIENT_ID + "|TP-9");
        Device bpm = resources(bundle, Device.class).stream()
                .filter(d -> d.getIdentifierFirstRep().getValue().equals("bp-1")).findFirst().orElseThrow();
        assertThat(bpm.getIdentifierFirstRep().getSystem()).isEqualTo(FhirCodes.HWI_DEVICE_ID);
        assertThat(bpm.getDeviceNameFirstRep().getName()).isEqualTo("Tenovi BPM - L");
        assertThat(bpm.getManufacturer()).isEqualTo("Tenovi");
        assertThat(bpm.getType().getCodingFirstRep().getCode()).isEqualTo("blood-pressure-monitor");
        assertThat(resources(bundle, Device.class)).extracting(d -> d.getType().getCodingFirstRep().getCode())
                .contains("pillbox", "pulse-oximeter", "glucometer", "scale", "thermometer", "activity-tracker");
        String again = bundle(new FhirBundle.Content(client, "TP-9", List.of(named), everyType(), null, null))
                .getEntry().get(1).getFullUrl();
        assertThat(again).as("a device keeps its fullUrl across exports").isEqualTo(bundle.getEntry().get(1).getFullUrl());
    }

    @Test
    void everyDueDoseIsItsOwnObservationWithCompartmentWindowAndOpening() {
        List<Reading> readings = everyType();
        Bundle bundle = bundle(new FhirBundle.Content(client, null, List.of(), readings, null,
                everyStatus(readings.get(0))));
        List<Observation> doses = resources(bundle, Observation.class).stream()
                .filter(o -> o.getCode().getCodingFirstRep().getCode().equals("dose")).toList();
        assertThat(doses).extracting(o -> o.getValueCodeableConcept().getCodingFirstRep().getCode())
                .containsExactly("not_monitored", "missed", "late", "wrong_compartment", "taken");
        Observation taken = doses.get(4);
        assertThat(taken.getEffectivePeriod().getStartElement().getValueAsString()).isEqualTo("2025-03-10T06:00:00-05:00");
        assertThat(taken.getEffectivePeriod().getEndElement().getValueAsString()).isEqualTo("2025-03-10T10:00:00-05:00");
        assertThat(taken.getComponent()).extracting(c -> c.getCode().getCodingFirstRep().getCode() + "="
                + c.getValue().primitiveValue()).containsExactly("compartment=Monday AM",
                "due-time=2025-03-10T08:00:00-05:00", "opened-at=2025-03-10T09:00:00-05:00",
                "opened-compartment=Monday AM");
        assertThat(taken.getDerivedFromFirstRep().getReference()).isEqualTo("urn:uuid:" + readings.get(0).id());
        assertThat(doses.get(1).getNoteFirstRep().getText()).contains("Hospital stay");
        Observation summary = coded(bundle, "adherence-summary");
        assertThat(summary.getHasMember()).hasSize(5);
        assertThat(summary.getComponent()).extracting(c -> c.getCode().getCodingFirstRep().getCode() + "="
                + (c.hasValueQuantity() ? c.getValueQuantity().getValue().toPlainString() : c.getValue().primitiveValue()))
                .contains("percent-taken=50", "due=4", "taken=1", "late=1", "missed=1", "wrong-compartment=1",
                        "not-monitored=1", "excused=1");
    }
}
