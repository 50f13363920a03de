package org.rpmsync.users;

import org.rpmsync.clients.ClientDetails;

/** A user (client) as integrators send it to {@code POST /api/v1/users} and in bulk rows. */
record UserRequest(String firstName, String lastName, String email, String externalId, String timeZone) {

    ClientDetails details() {
        return new ClientDetails(firstName, lastName, email, externalId, timeZone);
    }
}
