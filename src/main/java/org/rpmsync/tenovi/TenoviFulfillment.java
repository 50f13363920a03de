package org.rpmsync.tenovi;

/**
 * A Tenovi fulfillment webhook (reference §3.4): a device moving through shipping states. {@code oldDeviceId} is
 * set on replacement webhooks only (the old gateway id or IMEI).
 */
record TenoviFulfillment(String hwiDeviceId, String patientId, String hardwareUuid, String sensorCode,
                         String deviceName, String status, String trackingLink, String oldDeviceId) {
}
