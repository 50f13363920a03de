package org.rpmsync.users;

import java.time.Instant;
import java.util.UUID;
import org.rpmsync.clients.Client;

/** A user (client) as the API shows it (spec §4). */
record UserResponse(UUID id, String firstName, String lastName, String email, String externalId, String timeZone,
                    Instant createdAt) {

    static UserResponse of(Client c) {
        return new UserResponse(c.id().value(), c.firstName(), c.lastName(), c.email(), c.externalId(),
                c.timeZone().getId(), c.createdAt());
    }
}
