package org.rpmsync.clients;

import org.rpmsync.organization.OrganizationId;

/** A client's Tenovi Patient ID was saved: readings that carry it can now be attributed to the client. */
public record PatientIdSaved(OrganizationId organization, ClientId client, String patientId) {
}
