package org.rpmsync.measurements;

import java.time.Instant;
import java.util.UUID;

/**
 * A client's data flow in an organization: last reading received and measured, the last PillBox event (null when
 * the client never had one), and how many readings arrived late since the time asked about.
 */
public record ClientActivity(UUID clientId, Instant lastReceivedAt, Instant lastMeasuredAt, Instant lastMedicationAt,
                             long lateReadings) {
}
