package org.rpmsync.simulator;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Tenovi's HWI Device object (reference §2.2). */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TenoviDevice(
        String id,
        String status,
        Details device,
        @JsonProperty("patient_id") String patientId,
        @JsonProperty("patient_phone_number") String patientPhoneNumber,
        TenoviPatient patient) {

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Details(
            String id,
            String name,
            @JsonProperty("hardware_uuid") String hardwareUuid,
            @JsonProperty("sensor_code") String sensorCode,
            String created,
            @JsonProperty("shared_hardware_uuid") boolean sharedHardwareUuid,
            @JsonProperty("meta_data") Object metaData,
            @JsonProperty("fulfillment_request") Object fulfillmentRequest) {
    }
}
