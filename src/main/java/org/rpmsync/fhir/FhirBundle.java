package org.rpmsync.fhir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rpmsync.adherence.Scorecard;
import org.rpmsync.clients.Assignment;
import org.rpmsync.clients.Client;
import org.rpmsync.measurements.Reading;

/**
 * A client's data as a FHIR R4 {@code collection} Bundle: the Patient, one Device per device that measured,
 * one Observation per reading, one Observation per due dose and the adherence summary. Every entry has an
 * absolute {@code urn:uuid:} fullUrl, stable across exports, and every reference points inside the Bundle.
 * Written as it goes: the Bundle is never held in memory, only the readings and the scorecard it is made of.
 */
final class FhirBundle {

    /** What goes in: the readings of the range, those received since {@code since} (null: all) exported. */
    record Content(Client client, String tenoviPatientId, List<Assignment> assignments, List<Reading> readings,
                   Instant since, Scorecard adherence) {
    }

    private final Content content;
    private final String patient;
    private final List<Reading> exported;
    private final FhirDevices devices;
    private final FhirAdherence adherence;

    FhirBundle(Content content) {
        this.content = content;
        Client client = content.client();
        this.patient = url(client.id().value());
        this.exported = content.readings().stream()
                .filter(r -> content.since() == null || !r.receivedAt().isBefore(content.since())).toList();
        this.devices = new FhirDevices(client.organizationId().value(), content.assignments(), patient);
        devices.addAll(exported);
        if (content.adherence() == null) {
            this.adherence = null;
        } else {
            Map<UUID, Reading> inBundle = new HashMap<>();
            exported.forEach(r -> inBundle.put(r.id(), r));
            Map<UUID, Reading> all = new HashMap<>();
            content.readings().forEach(r -> all.put(r.id(), r));
            this.adherence = new FhirAdherence(client, patient, all, inBundle, devices, content.adherence(),
                    content.since());
        }
    }

    /** How many resources the Bundle holds besides the Patient. */
    int resources() {
        return devices.size() + exported.size() + (adherence == null ? 0 : adherence.size());
    }

    /** Writes the Bundle as FHIR JSON (UTF-8), timestamped now. */
    void write(OutputStream out) {
        ZoneId zone = content.client().timeZone();
        try (FhirJson json = new FhirJson(out)) {
            json.object().string("resourceType", "Bundle").string("type", "collection")
                    .instant("timestamp", Instant.now()).array("entry");
            patient(json);
            devices.write(json);
            for (Reading r : exported) {
                FhirReadings.observation(json, r, zone, patient, devices.reference(r));
            }
            if (adherence != null) {
                adherence.write(json);
            }
            json.endArray().end();
        }
    }

    /** A name-based UUID: the same thing gets the same fullUrl in every export. */
    static UUID uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    static String url(UUID id) {
        return "urn:uuid:" + id;
    }

    private void patient(FhirJson json) {
        Client client = content.client();
        json.entry(client.id().value(), "Patient").array("identifier");
        identifier(json, FhirCodes.CLIENT_ID, client.id().toString());
        identifier(json, FhirCodes.EXTERNAL_ID, client.externalId());
        identifier(json, FhirCodes.TENOVI_PATIENT_ID, content.tenoviPatientId());
        json.endArray();
        if (!blank(client.lastName()) || !blank(client.firstName())) {
            json.array("name").object().string("family", client.lastName());
            if (!blank(client.firstName())) {
                json.array("given").value(client.firstName()).endArray();
            }
            json.end().endArray();
        }
        json.endEntry();
    }

    private static void identifier(FhirJson json, String system, String value) {
        if (!blank(value)) {
            json.object().string("system", system).string("value", value).end();
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
