package org.rpmsync.measurements;

import java.math.BigDecimal;
import java.time.Instant;

/** One device that sent a client's readings: its last reading and last battery level (percent), if any. */
public record DeviceActivity(String deviceId, String lastType, Instant lastMeasuredAt, Instant lastReceivedAt,
                             BigDecimal battery) {
}
