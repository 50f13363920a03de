package org.rpmsync.clients;

import org.rpmsync.organization.OrganizationId;

/** A device was mapped to a client (by hand, in bulk, or discovered from a reading's Patient ID). */
public record DeviceAssigned(OrganizationId organization, ClientId client, String source, String deviceId) {
}
