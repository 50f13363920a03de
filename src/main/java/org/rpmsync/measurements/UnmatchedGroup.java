package org.rpmsync.measurements;

import java.time.Instant;

/** Readings nobody could be found for, grouped by device and the Patient ID they carry. */
public record UnmatchedGroup(String source, String deviceId, String patientId, long count, Instant firstMeasuredAt,
                             Instant lastReceivedAt) {
}
