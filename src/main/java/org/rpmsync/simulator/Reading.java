package org.rpmsync.simulator;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** One reading a device took, before Tenovi stored it (so without {@code created}). */
public record Reading(
        String metric,
        String deviceName,
        String hwiDeviceId,
        String patientId,
        String hardwareUuid,
        String sensorCode,
        BigDecimal value1,
        BigDecimal value2,
        Instant timestamp,
        int timezoneOffset,
        boolean estimatedTimestamp,
        Map<String, Object> filterParams) {

    public static Reading of(Device device, String metric, double value1, double value2, Instant timestamp,
                      Map<String, Object> filterParams) {
        return new Reading(metric, device.kind().deviceName, device.id().toString(), device.patientId(),
                device.hardwareUuid(), device.kind().sensorCode, WireFormat.value(value1), WireFormat.value(value2),
                timestamp, device.timezoneOffset(), false, filterParams);
    }

    public Reading withTimestamp(Instant newTimestamp) {
        return new Reading(metric, deviceName, hwiDeviceId, patientId, hardwareUuid, sensorCode, value1, value2,
                newTimestamp, timezoneOffset, estimatedTimestamp, filterParams);
    }

    public Reading estimated() {
        return new Reading(metric, deviceName, hwiDeviceId, patientId, hardwareUuid, sensorCode, value1, value2,
                timestamp, timezoneOffset, true, filterParams);
    }

    public Reading withValues(BigDecimal newValue1, BigDecimal newValue2) {
        return new Reading(metric, deviceName, hwiDeviceId, patientId, hardwareUuid, sensorCode, newValue1, newValue2,
                timestamp, timezoneOffset, estimatedTimestamp, filterParams);
    }

    public Reading withDevice(String newHwiDeviceId, String newPatientId) {
        return new Reading(metric, deviceName, newHwiDeviceId, newPatientId, hardwareUuid, sensorCode, value1, value2,
                timestamp, timezoneOffset, estimatedTimestamp, filterParams);
    }

    /** As a webhook sends it: {@code created} equals {@code timestamp} (Tenovi's backwards compatibility). */
    public TenoviMeasurement toWebhook() {
        return toWire(timestamp);
    }

    /** As the measurement endpoints serve it: {@code created} is when the server stored it. */
    public TenoviMeasurement toApi(Instant created) {
        return toWire(created);
    }

    private TenoviMeasurement toWire(Instant created) {
        return new TenoviMeasurement(metric, deviceName, hwiDeviceId, patientId, hardwareUuid, sensorCode,
                WireFormat.decimal(value1), WireFormat.decimal(value2), WireFormat.time(created),
                WireFormat.time(timestamp), timezoneOffset, estimatedTimestamp, filterParams);
    }
}
