package org.rpmsync.clients;

/** What we know of a device when mapping it: the vendor's id, name, sensor code, status and its patient id. */
public record DeviceDetails(String source, String deviceId, String deviceName, String sensorCode, String vendorStatus,
                            String vendorPatientId) {
}
