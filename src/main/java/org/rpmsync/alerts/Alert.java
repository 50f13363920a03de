package org.rpmsync.alerts;

import java.time.Instant;
import java.util.UUID;

/**
 * An alert as the care team sees it: the rule a client's readings broke, the latest breaking reading, how many
 * joined it while it was open, and who acknowledged it with what note and minutes.
 */
public record Alert(UUID id, UUID clientId, AlertRule rule, Severity severity, boolean open, Instant openedAt,
                    UUID measurementId, Instant measuredAt, String value, boolean late, int count,
                    Instant acknowledgedAt, String acknowledgedBy, String note, Integer minutes) {

    public String status() {
        return open ? "open" : "acknowledged";
    }
}
