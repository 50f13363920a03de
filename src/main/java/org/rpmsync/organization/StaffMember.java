package org.rpmsync.organization;

import java.time.Instant;
import java.util.UUID;

/** A person who signs in: a platform admin (no organization), an org admin or a practitioner. */
public record StaffMember(UUID id, OrganizationId organizationId, String email, String name, Role role,
                          boolean enabled, Instant createdAt) {
}
