package org.rpmsync.tenovi;

import java.time.Instant;
import java.util.Map;

/**
 * A Tenovi measurement (webhook item or API result, reference §3.2) after lenient reading: keys trimmed, values
 * kept as the text Tenovi sent. {@code created} equals {@code timestamp} in webhooks and is server time in the API.
 */
record TenoviMeasurement(String metric, String deviceName, String hwiDeviceId, String patientId, String hardwareUuid,
                         String sensorCode, String value1, String value2, Instant created, Instant timestamp,
                         Integer timezoneOffsetMinutes, boolean estimatedTimestamp, Map<String, String> filterParams) {

    TenoviMeasurement {
        filterParams = filterParams == null ? Map.of() : Map.copyOf(filterParams);
    }

    String filter(String name) {
        return filterParams.get(name);
    }
}
