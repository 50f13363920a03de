package org.rpmsync.organization;

import java.time.Instant;
import java.util.UUID;

/** An API token as listed after creation: only its last four characters are ever shown again. */
public record ApiToken(UUID id, OrganizationId organizationId, Scope scope, String name, String hint,
                       Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

    public enum Scope { ORGANIZATION, PLATFORM }

    public boolean active() {
        return revokedAt == null;
    }
}
