package org.rpmsync.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One audited read or change: who, in which organization, did what to which target, and how it ended.
 * {@code detail} is a short human note and must never hold secrets or health data.
 */
public record AuditEntry(Instant occurredAt, UUID organizationId, String actor, String action, String targetType,
                         String targetId, Outcome outcome, String detail) {

    public enum Outcome { SUCCESS, DENIED, FAILED }

    public static AuditEntry success(UUID organizationId, String actor, String action, String targetType,
                                     String targetId) {
        return new AuditEntry(Instant.now(), organizationId, actor, action, targetType, targetId, Outcome.SUCCESS, null);
    }

    public static AuditEntry denied(UUID organizationId, String actor, String action, String targetType,
                                    String targetId) {
        return new AuditEntry(Instant.now(), organizationId, actor, action, targetType, targetId, Outcome.DENIED, null);
    }

    public AuditEntry withDetail(String note) {
        return new AuditEntry(occurredAt, organizationId, actor, action, targetType, targetId, outcome, note);
    }
}
