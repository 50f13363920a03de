package org.rpmsync.fhir;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rpmsync.clients.Assignment;
import org.rpmsync.measurements.Reading;

/**
 * The Devices of a Bundle, one per device that measured an exported reading: the HWI id as identifier,
 * Tenovi's device name when the mapping has one, the kind of device (from the readings it sent) and the
 * manufacturer. Tenovi's gateway id is not stored by RPM Sync, so it is not exported.
 */
final class FhirDevices {

    private final UUID organization;
    private final Map<String, Assignment> latest = new HashMap<>();
    private final String patient;
    private final Map<String, UUID> ids = new LinkedHashMap<>();
    private final Map<String, String> kinds = new HashMap<>();

    FhirDevices(UUID organization, List<Assignment> assignments, String patient) {
        this.organization = organization;
        this.patient = patient;
        assignments.forEach(a -> latest.put(key(a.source(), a.deviceId()), a));
    }

    void addAll(List<Reading> readings) {
        readings.forEach(this::add);
    }

    /** The Device of the reading (added when new), as a reference. */
    String reference(Reading r) {
        return FhirBundle.url(add(r));
    }

    private UUID add(Reading r) {
        String key = key(r.source(), r.deviceId());
        UUID id = ids.computeIfAbsent(key, k -> FhirBundle.uuid("device/" + organization + "/" + k));
        String kind = FhirCodes.deviceKind(r.type());
        if (kind != null) {
            kinds.putIfAbsent(key, kind);
        }
        return id;
    }

    int size() {
        return ids.size();
    }

    /** Writes the Devices as Bundle entries. */
    void write(FhirJson json) {
        ids.forEach((key, id) -> device(json, key, id));
    }

    private void device(FhirJson json, String key, UUID id) {
        String deviceId = key.substring(key.indexOf('/') + 1);
        String kind = kinds.getOrDefault(key, "other");
        json.entry(id, "Device");
        Assignment assignment = latest.get(key);
        String name = assignment == null ? null : assignment.deviceName();
        json.array("identifier");
        json.object().string("system", FhirCodes.HWI_DEVICE_ID).string("value", deviceId).end();
        json.endArray().string("manufacturer", "Tenovi").array("deviceName").object();
        if (name != null && !name.isBlank()) {
            json.string("name", name).string("type", "model-name");
        } else {
            json.string("name", "Tenovi " + FhirCodes.deviceKindLabel(kind)).string("type", "user-friendly-name");
        }
        json.end().endArray();
        String sensor = assignment == null ? null : assignment.sensorCode();
        json.concept("type", sensor == null || sensor.isBlank() ? null : "Tenovi sensor code " + sensor,
                new FhirCodes.Code(FhirCodes.DEVICE_KIND, kind, FhirCodes.deviceKindLabel(kind)));
        json.reference("patient", patient).endEntry();
    }

    private static String key(String source, String deviceId) {
        return source + "/" + deviceId;
    }
}
