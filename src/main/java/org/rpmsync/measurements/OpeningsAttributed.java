package org.rpmsync.measurements;

import java.util.SortedSet;
import java.util.UUID;
import org.rpmsync.organization.OrganizationId;

/**
 * PillBox openings were given to these clients (new readings, or unmatched ones that found their client), in the
 * transaction still running: what was computed from their openings is out of date. Clients in ascending order.
 */
public record OpeningsAttributed(OrganizationId organization, SortedSet<UUID> clients) {
}
