package org.rpmsync.tenovi;

import org.rpmsync.clients.DeviceDetails;

/**
 * A device in the clinic's Tenovi account: its HWI device id, name, sensor code, Tenovi's status and the Patient ID
 * Tenovi files it under (each may be null but the id).
 */
public record AccountDevice(String id, String name, String sensorCode, String status, String patientId) {

    static AccountDevice of(TenoviDevice device) {
        return new AccountDevice(device.id(), device.name(), device.sensorCode(), device.status(), device.patientId());
    }

    /** Tenovi's status {@code Unlinked}: the gateway was unlinked and the device no longer reports. */
    public boolean unlinked() {
        return "Unlinked".equalsIgnoreCase(status == null ? "" : status.strip());
    }

    /** What the mapping stores of the device, cut to the stored column sizes. */
    public DeviceDetails details() {
        return new DeviceDetails(TenoviAccount.SOURCE, id, cut(name, 100), cut(sensorCode, 16), cut(status, 40),
                cut(patientId, 128));
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
