package org.rpmsync.organization;

import java.time.Instant;
import java.util.UUID;

/**
 * An API token as listed after creation: only its last four characters are ever shown again. {@code createdBy}
 * is the audit name of whoever issued it (null for tokens issued before that was recorded).
 */
public record ApiToken(UUID id, OrganizationId organizationId, Scope scope, String name, String hint,
                       String createdBy, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

    public enum Scope { ORGANIZATION, PLATFORM }

    /** How audit rows name a caller using this token. */
    public String auditName() {
        return "token:" + name + " (…" + hint + ")";
    }

    public boolean active() {
        return revokedAt == null;
    }
}
