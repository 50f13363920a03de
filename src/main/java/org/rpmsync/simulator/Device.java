package org.rpmsync.simulator;

import java.time.Instant;
import java.util.UUID;

/** A simulated HWI device; only its fulfillment status changes. */
final class Device {

    static final String CONNECTED = "Connected";

    private final UUID id;
    private final UUID innerId;
    private final DeviceKind kind;
    private final String hardwareUuid;
    private final String patientId;
    private final int timezoneOffset;
    private final Instant created;
    private volatile String status;

    Device(UUID id, DeviceKind kind, String hardwareUuid, String patientId, int timezoneOffset, Instant created,
           String status) {
        this.id = id;
        this.innerId = UUID.nameUUIDFromBytes(("device/" + id).getBytes());
        this.kind = kind;
        this.hardwareUuid = hardwareUuid;
        this.patientId = patientId;
        this.timezoneOffset = timezoneOffset;
        this.created = created;
        this.status = status;
    }

    UUID id() {
        return id;
    }

    DeviceKind kind() {
        return kind;
    }

    String hardwareUuid() {
        return hardwareUuid;
    }

    String patientId() {
        return patientId;
    }

    int timezoneOffset() {
        return timezoneOffset;
    }

    Instant created() {
        return created;
    }

    String status() {
        return status;
    }

    void status(String newStatus) {
        this.status = newStatus;
    }

    boolean connected() {
        return CONNECTED.equals(status);
    }

    TenoviDevice toWire(TenoviPatient patient) {
        var details = new TenoviDevice.Details(innerId.toString(), kind.deviceName, hardwareUuid, kind.sensorCode,
                WireFormat.time(created), false, null, null);
        return new TenoviDevice(id.toString(), status, details, patientId,
                patient == null ? null : patient.phoneNumber(), patient);
    }
}
