package org.rpmsync.clients;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Identifies one client (patient). Clients always belong to exactly one organization. */
public record ClientId(UUID value) {

    public ClientId {
        Objects.requireNonNull(value, "value");
    }

    public static ClientId of(UUID value) {
        return new ClientId(value);
    }

    /** The id in {@code raw}, or empty when it is not a UUID (callers answer 404, as for an unknown id). */
    public static Optional<ClientId> parse(String raw) {
        if (raw == null || raw.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ClientId(UUID.fromString(raw)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
