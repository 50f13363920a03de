package org.rpmsync.reports;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.Reference;
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

    Map<UUID, Device> resources() {
        Map<UUID, Device> devices = new LinkedHashMap<>();
        ids.forEach((key, id) -> devices.put(id, device(key)));
        return devices;
    }

    private Device device(String key) {
        String deviceId = key.substring(key.indexOf('/') + 1);
        String kind = kinds.getOrDefault(key, "other");
        Device device = new Device();
        device.addIdentifier().setSystem(FhirCodes.HWI_DEVICE_ID).setValue(deviceId);
        Assignment assignment = latest.get(key);
        String name = assignment == null ? null : assignment.deviceName();
        if (name != null && !name.isBlank()) {
            device.addDeviceName().setName(name).setType(Device.DeviceNameType.MODELNAME);
        } else {
            device.addDeviceName().setName("Tenovi " + FhirCodes.deviceKindLabel(kind))
                    .setType(Device.DeviceNameType.USERFRIENDLYNAME);
        }
        CodeableConcept type = new CodeableConcept()
                .addCoding(new Coding(FhirCodes.DEVICE_KIND, kind, FhirCodes.deviceKindLabel(kind)));
        if (assignment != null && assignment.sensorCode() != null && !assignment.sensorCode().isBlank()) {
            type.setText("Tenovi sensor code " + assignment.sensorCode());
        }
        device.setType(type);
        device.setManufacturer("Tenovi");
        device.setPatient(new Reference(patient));
        return device;
    }

    private static String key(String source, String deviceId) {
        return source + "/" + deviceId;
    }
}
