package org.rpmsync.simulator;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A measurement as Tenovi sends it, in webhooks and in the measurement endpoints (reference §3.2). */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"metric", "device_name", "hwi_device_id", "patient_id", "hardware_uuid", "sensor_code",
        "value_1", "value_2", "created", "timestamp", "timezone_offset", "estimated_timestamp", "filter_params"})
public record TenoviMeasurement(
        String metric,
        @JsonProperty("device_name") String deviceName,
        @JsonProperty("hwi_device_id") String hwiDeviceId,
        @JsonProperty("patient_id") String patientId,
        @JsonProperty("hardware_uuid") String hardwareUuid,
        @JsonProperty("sensor_code") String sensorCode,
        @JsonProperty("value_1") String value1,
        @JsonProperty("value_2") String value2,
        String created,
        String timestamp,
        @JsonProperty("timezone_offset") int timezoneOffset,
        @JsonProperty("estimated_timestamp") boolean estimatedTimestamp,
        @JsonProperty("filter_params") Map<String, Object> filterParams) {
}
