package org.rpmsync.organization;

import java.time.Instant;

/** A clinic using RPM Sync. {@code tenoviEnabled} is the switch a platform admin turns on per organization. */
public record Organization(OrganizationId id, String name, String slug, boolean tenoviEnabled, Instant createdAt) {
}
