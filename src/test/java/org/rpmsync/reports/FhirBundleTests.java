package org.rpmsync.reports;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.Observation;
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
        return new Scorecard(Schedule.DEFAULT, day.minusDays(2), day, slots, List.of());
    }

    String json(Bundle bundle) {
        return FhirContext.forR4Cached().newJsonParser().encodeResourceToString(bundle);
    }

    @Test
    void bundleOfEveryReadingTypeAndDoseStatusHasNoValidationErrors() {
        List<Reading> readings = everyType();
        Assignment named = new Assignment(UUID.randomUUID(), client.id(), "tenovi", "bp-1", "Tenovi BPM - L", "10",
                null, null, false, Instant.EPOCH, Instant.EPOCH, null);
        Bundle bundle = FhirBundle.of(new FhirBundle.Content(client, "TP-9", List.of(named), readings, null,
                everyStatus(readings.get(0))));
        String json = json(bundle);
        if (Boolean.getBoolean("fhir.messages")) {
            FhirValidation.all(json).forEach(System.out::println);
            System.out.println(json);
        }
        assertThat(FhirValidation.errors(json)).isEmpty();
        assertThat(bundle.getEntry()).allMatch(e -> e.getFullUrl().startsWith("urn:uuid:"));
        assertThat(bundle.getEntry()).filteredOn(e -> e.getResource() instanceof Observation)
                .hasSize(readings.size() + 5 + 1);
        assertThat(bundle.getEntry()).filteredOn(e -> e.getResource() instanceof Device).hasSize(7);
    }
}
