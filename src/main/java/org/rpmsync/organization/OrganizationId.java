package org.rpmsync.organization;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Identifies one clinic (tenant). Everything a clinic owns is scoped by it. */
public record OrganizationId(UUID value) implements Serializable {

    public OrganizationId {
        Objects.requireNonNull(value, "value");
    }

    public static OrganizationId of(UUID value) {
        return new OrganizationId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
