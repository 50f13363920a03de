package org.rpmsync.clients;

import java.time.Instant;
import java.util.UUID;

/**
 * A client holding a device from {@code effectiveFrom} until {@code endedAt} (null while current). {@code assignedAt}
 * is when the mapping was made; the first mapping of a device reaches back to cover its earlier readings.
 */
public record Assignment(UUID id, ClientId clientId, String source, String deviceId, String deviceName,
                         String sensorCode, String vendorStatus, String vendorPatientId, boolean discovered,
                         Instant effectiveFrom, Instant assignedAt, Instant endedAt) {

    /** "Tenovi Pillbox · …f2b" ({@link DeviceLabel}). */
    public String label() {
        return DeviceLabel.of(deviceName, deviceId);
    }

    public boolean current() {
        return endedAt == null;
    }

    /**
     * Whether the device is a PillBox, as its vendor describes it (Tenovi's sensor code 21, or a name such as
     * "Tenovi Pillbox"); devices that sent compartment openings are PillBoxes too, which adherence knows.
     */
    public boolean pillBox() {
        String name = deviceName == null ? "" : deviceName.toLowerCase(java.util.Locale.ROOT).replace(" ", "");
        return "21".equals(sensorCode) || name.contains("pillbox");
    }

    /** Whether the client held the device at {@code instant}. */
    public boolean covers(Instant instant) {
        return !instant.isBefore(effectiveFrom) && (endedAt == null || instant.isBefore(endedAt));
    }
}
