package org.rpmsync.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * Which audit rows of one organization to read: every other field is an optional filter (null = any).
 * {@code from} is inclusive, {@code until} exclusive.
 */
public record AuditQuery(UUID organizationId, String actor, String action, String targetType, String targetId,
                         Instant from, Instant until) {

    public AuditQuery {
        if (organizationId == null) {
            throw new IllegalArgumentException("an audit query is always inside one organization");
        }
    }

    public static AuditQuery of(UUID organizationId) {
        return new AuditQuery(organizationId, null, null, null, null, null, null);
    }
}
