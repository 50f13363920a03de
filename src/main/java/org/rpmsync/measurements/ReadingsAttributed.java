package org.rpmsync.measurements;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rpmsync.organization.OrganizationId;

/**
 * Readings were given to clients, each exactly once in its life (new readings, or unmatched ones that found their
 * client), in the transaction still running. Keyed by client, ids of readings; {@code given}: those readings as
 * stored, read once for every listener (in no particular order).
 */
public record ReadingsAttributed(OrganizationId organization, Map<UUID, List<UUID>> readings, List<Reading> given) {
}
