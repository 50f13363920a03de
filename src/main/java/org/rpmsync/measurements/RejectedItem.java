package org.rpmsync.measurements;

import java.time.Instant;

/** An item kept because it could not become a reading, with why. */
public record RejectedItem(long id, Instant receivedAt, String origin, String reason, String rawItem) {
}
