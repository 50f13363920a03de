package org.rpmsync.reports;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.rpmsync.adherence.Scorecard;
import org.rpmsync.clients.Assignment;
import org.rpmsync.clients.Client;
import org.rpmsync.measurements.Reading;

/**
 * A client's data as a FHIR R4 {@code collection} Bundle: the Patient, one Device per device that measured,
 * one Observation per reading, one Observation per due dose and the adherence summary. Every entry has an
 * absolute {@code urn:uuid:} fullUrl, stable across exports, and every reference points inside the Bundle.
 */
final class FhirBundle {

    /** What goes in: the readings of the range, those received since {@code since} (null: all) exported. */
    record Content(Client client, String tenoviPatientId, List<Assignment> assignments, List<Reading> readings,
                   Instant since, Scorecard adherence) {
    }

    private FhirBundle() {
    }

    static Bundle of(Content content) {
        Client client = content.client();
        ZoneId zone = client.timeZone();
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        bundle.setTimestamp(new Date());
        String patient = add(bundle, client.id().value(), patient(content));
        List<Reading> exported = content.readings().stream()
                .filter(r -> content.since() == null || !r.receivedAt().isBefore(content.since())).toList();
        FhirDevices devices = new FhirDevices(client.organizationId().value(), content.assignments(), patient);
        devices.addAll(exported);
        devices.resources().forEach((id, device) -> add(bundle, id, device));
        for (Reading r : exported) {
            add(bundle, r.id(), FhirReadings.observation(r, zone, patient, devices.reference(r)));
        }
        if (content.adherence() != null) {
            Map<UUID, Reading> inBundle = new LinkedHashMap<>();
            exported.forEach(r -> inBundle.put(r.id(), r));
            Map<UUID, Reading> all = new LinkedHashMap<>();
            content.readings().forEach(r -> all.put(r.id(), r));
            FhirAdherence adherence = new FhirAdherence(client, patient, all, inBundle, devices);
            adherence.resources(content.adherence(), content.since()).forEach((id, r) -> add(bundle, id, r));
        }
        return bundle;
    }

    /** A name-based UUID: the same thing gets the same fullUrl in every export. */
    static UUID uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    static String url(UUID id) {
        return "urn:uuid:" + id;
    }

    private static String add(Bundle bundle, UUID id, Resource resource) {
        resource.setId(id.toString());
        bundle.addEntry().setFullUrl(url(id)).setResource(resource);
        return url(id);
    }

    private static Patient patient(Content content) {
        Client client = content.client();
        Patient patient = new Patient();
        patient.addIdentifier().setSystem(FhirCodes.CLIENT_ID).setValue(client.id().toString());
        if (client.externalId() != null && !client.externalId().isBlank()) {
            patient.addIdentifier().setSystem(FhirCodes.EXTERNAL_ID).setValue(client.externalId());
        }
        if (content.tenoviPatientId() != null && !content.tenoviPatientId().isBlank()) {
            patient.addIdentifier().setSystem(FhirCodes.TENOVI_PATIENT_ID).setValue(content.tenoviPatientId());
        }
        patient.addName().setFamily(client.lastName()).addGiven(client.firstName());
        return patient;
    }
}
