package org.rpmsync.simulator;

import java.time.Instant;
import java.util.UUID;

/** A simulated HWI device; only its fulfillment status changes. */
public final class Device {

    public static final String CONNECTED = "Connected";

    private final UUID id;
    private final UUID innerId;
    private final DeviceKind kind;
    private final String hardwareUuid;
    private final String patientId;
    private final int timezoneOffset;
    private final Instant created;
    private volatile String status;

    public Device(UUID id, DeviceKind kind, String hardwareUuid, String patientId, int timezoneOffset, Instant created,
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

    public UUID id() {
        return id;
    }

    public DeviceKind kind() {
        return kind;
    }

    public String hardwareUuid() {
        return hardwareUuid;
    }

    public String patientId() {
        return patientId;
    }

    public int timezoneOffset() {
        return timezoneOffset;
    }

    public Instant created() {
        return created;
    }

    String status() {
        return status;
    }

    public void status(String newStatus) {
        this.status = newStatus;
    }

    public boolean connected() {
        return CONNECTED.equals(status);
    }

    public TenoviDevice toWire(TenoviPatient patient) {
        var details = new TenoviDevice.Details(innerId.toString(), kind.deviceName, hardwareUuid, kind.sensorCode,
                WireFormat.time(created), false, null, null);
        return new TenoviDevice(id.toString(), status, details, patientId,
                patient == null ? null : patient.phoneNumber(), patient);
    }
}
