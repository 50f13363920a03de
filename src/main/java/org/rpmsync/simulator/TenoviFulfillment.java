package org.rpmsync.simulator;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Fulfillment webhook body (reference §3.4). */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TenoviFulfillment(
        @JsonProperty("hwi_device_id") String hwiDeviceId,
        @JsonProperty("patient_id") String patientId,
        @JsonProperty("hardware_uuid") String hardwareUuid,
        @JsonProperty("sensor_code") String sensorCode,
        @JsonProperty("device_name") String deviceName,
        String status,
        @JsonProperty("tracking_link") String trackingLink) {
}
