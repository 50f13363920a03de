package org.rpmsync.clients;

import java.time.Instant;
import java.time.ZoneId;
import org.rpmsync.organization.OrganizationId;

/**
 * A patient of one clinic. {@code email} and {@code externalId} may be null; {@code externalId} is the client's id
 * in another system (for Tenovi, the Patient ID unless the Tenovi panel sets one) and unique in the organization.
 */
public record Client(ClientId id, OrganizationId organizationId, String firstName, String lastName, String email,
                     String externalId, ZoneId timeZone, Instant createdAt) {

    /** "First Last", for headings. */
    public String displayName() {
        return firstName + " " + lastName;
    }

    /** The editable part of this client. */
    public ClientDetails details() {
        return new ClientDetails(firstName, lastName, email, externalId, timeZone.getId());
    }
}
