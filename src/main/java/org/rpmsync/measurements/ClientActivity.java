package org.rpmsync.measurements;

import java.time.Instant;
import java.util.UUID;

/** A client's data flow in an organization: last reading received, and how many readings arrived late since. */
public record ClientActivity(UUID clientId, Instant lastReceivedAt, Instant lastMeasuredAt, long lateReadings) {
}
