package org.rpmsync.tenovi;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Tenovi's HWI Device object (reference §2.2), only the fields we use. {@code id} is the HWI device id;
 * {@code patientId} is the Patient ID Tenovi has for it (may be null).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TenoviDevice(String id, String status, Details device, @JsonProperty("patient_id") String patientId) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Details(String name, @JsonProperty("sensor_code") String sensorCode,
                          @JsonProperty("hardware_uuid") String hardwareUuid) {
    }

    public String name() {
        return device == null ? null : device.name();
    }

    public String sensorCode() {
        return device == null ? null : device.sensorCode();
    }
}
