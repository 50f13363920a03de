package org.rpmsync.alerts;

import java.time.LocalDate;
import java.util.UUID;
import org.rpmsync.clients.Client;
import org.rpmsync.organization.Actor;
import org.rpmsync.organization.OrganizationId;

/**
 * An open alert was acknowledged, in the transaction still running: by whom, of which client, on the client's local
 * {@code date}, with the note and the minutes spent on it (null when none were given).
 */
public record AlertAcknowledged(OrganizationId organization, Actor actor, Client client, UUID alertId,
                                LocalDate date, String note, Integer minutes) {
}
