package org.rpmsync.simulator;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** An item of {@code hwi/hwi-device-types/} (fields beyond name and sensor code are third-party knowledge). */
@JsonInclude(JsonInclude.Include.ALWAYS)
record TenoviDeviceType(int id, String name, @JsonProperty("sensor_code") String sensorCode, List<Metric> metrics) {

    record Metric(String name, @JsonProperty("primary_units") String primaryUnits,
                  @JsonProperty("secondary_units") String secondaryUnits) {
    }

    static TenoviDeviceType of(DeviceKind kind) {
        return new TenoviDeviceType(kind.ordinal() + 1, kind.deviceName, kind.sensorCode, kind.metrics.stream()
                .map(m -> new Metric(m.name(), m.primaryUnits(), m.secondaryUnits())).toList());
    }
}
