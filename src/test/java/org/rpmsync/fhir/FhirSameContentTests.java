package org.rpmsync.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.rpmsync.clients.Assignment;
import org.rpmsync.clients.Client;
import org.rpmsync.clients.ClientId;
import org.rpmsync.measurements.Reading;
import org.rpmsync.measurements.ReadingType;
import org.rpmsync.organization.OrganizationId;

/**
 * The streamed Bundle against what the HAPI FHIR object model made of the same content: every reading type and
 * case (estimated time, a second value as sent, mmol/L, °C, no value, a zero offset), every dose status.
 */
class FhirSameContentTests {

    static final UUID CLIENT = UUID.fromString("0f0e0d0c-0b0a-4908-8706-050403020100");
    static final UUID ORGANIZATION = UUID.fromString("10203040-5060-4708-890a-0b0c0d0e0f10");

    static Reading fixed(Reading r, int n, Instant at, Integer offset, boolean estimated) {
        return new Reading(UUID.nameUUIDFromBytes(("reading-" + n).getBytes(StandardCharsets.UTF_8)), CLIENT,
                r.source(), r.deviceId(), r.metric(), r.type(), at, offset, r.measurementIndex(), r.rawValue1(),
                r.rawValue2(), r.value1(), r.value2(), r.unit(), r.label(), estimated, r.late(), at.plusSeconds(30 + n));
    }

    static FhirBundle.Content content(ZoneId zone, String externalId) {
        Client client = new Client(ClientId.of(CLIENT), OrganizationId.of(ORGANIZATION), "Rosa", "Parks", null,
                externalId, zone, Instant.parse("2025-01-01T00:00:00Z"));
        List<Reading> readings = new ArrayList<>();
        List<Reading> every = FhirBundleTests.everyType();
        Instant at = FhirBundleTests.AT;
        for (int i = 0; i < every.size(); i++) {
            Reading r = every.get(i);
            readings.add(fixed(r, i, at.minusSeconds(3600L * i + 7), r.utcOffsetMinutes(), i == 3));
        }
        readings.add(fixed(FhirBundleTests.reading("gl-1", ReadingType.GLUCOSE, "5.8", null, "mmol/L", null, null),
                100, at.minusSeconds(86_400), null, false));
        readings.add(fixed(FhirBundleTests.reading("bp-1", ReadingType.BLOOD_PRESSURE, "128", null, "mm[Hg]", null,
                null), 101, at.minusSeconds(90_000), null, false));
        readings.add(fixed(FhirBundleTests.reading("th-1", ReadingType.TEMPERATURE, "37.1", null, "[degC]", null,
                null), 102, at.minusSeconds(95_000), null, false));
        readings.add(fixed(FhirBundleTests.reading("wa-1", ReadingType.OTHER, "", null, null, null, null), 103,
                at.minusSeconds(99_000), null, false));
        readings.add(fixed(FhirBundleTests.reading("sc-1", ReadingType.WEIGHT, "82.30", "x7", "kg", null, null), 104,
                at.minusSeconds(99_500), 0, false));
        Assignment named = new Assignment(UUID.nameUUIDFromBytes("a".getBytes(StandardCharsets.UTF_8)),
                client.id(), "tenovi", "bp-1", "Tenovi BPM - L", "10", null, null, false, Instant.EPOCH, Instant.EPOCH,
                null);
        var card = new FhirBundleTests().everyStatus(readings.get(0));
        return new FhirBundle.Content(client, "TP-9", List.of(named), readings, null, card);
    }

    /**
     * The JSON the HAPI FHIR object model produced for the same content before the export was streamed
     * (src/test/resources/org/rpmsync/fhir/fhir-golden-*.json, Bundle timestamp left out), against what is
     * streamed now, both read by HAPI and written again so that only content (not layout) counts. After an
     * intended change of the mapping (docs/fhir.md), write {@code canonical(FhirBundleTests.json(content(…)))} over
     * the file and review its diff.
     */
    @Test
    void streamedBundleHoldsWhatTheHapiModelHeld() throws Exception {
        assertThat(canonical(FhirBundleTests.json(content(ZoneId.of("America/Chicago"), "MRN-77"))))
                .isEqualTo(canonical(golden("fhir-golden-chicago.json")));
        assertThat(canonical(FhirBundleTests.json(content(ZoneId.of("UTC"), null))))
                .isEqualTo(canonical(golden("fhir-golden-utc.json")));
    }

    @Test
    void streamedBundleOfEveryCaseHasNoValidationErrors() {
        assertThat(FhirValidation.errors(FhirBundleTests.json(content(ZoneId.of("America/Chicago"), "MRN-77"))))
                .isEmpty();
        assertThat(FhirValidation.errors(FhirBundleTests.json(content(ZoneId.of("UTC"), null)))).isEmpty();
    }

    static String golden(String name) throws Exception {
        try (var in = FhirSameContentTests.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String canonical(String json) {
        var parser = FhirContext.forR4Cached().newJsonParser().setPrettyPrint(true);
        Bundle bundle = parser.parseResource(Bundle.class, json);
        bundle.setTimestampElement(null);
        return parser.encodeResourceToString(bundle);
    }
}
