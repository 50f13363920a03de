package org.rpmsync.measurements;

import java.time.Instant;
import java.util.UUID;

/**
 * A client's data flow: when its newest reading was received and measured, and its last PillBox event (null when
 * the client never had one).
 */
public record ClientActivity(UUID clientId, Instant lastReceivedAt, Instant lastMeasuredAt,
                             Instant lastMedicationAt) {
}
