package org.rpmsync.clients;

import org.rpmsync.organization.OrganizationId;

/** A client's assignment of a device ended (the device was removed from the client, its history kept). */
public record DeviceUnassigned(OrganizationId organization, ClientId client, String source, String deviceId) {
}
