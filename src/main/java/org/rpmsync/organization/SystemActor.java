package org.rpmsync.organization;

import java.util.Optional;

/** The application itself acting, e.g. at bootstrap or when seeding the demo clinic. */
public record SystemActor(String auditName) implements Actor {

    public static final SystemActor BOOTSTRAP = new SystemActor("system:bootstrap");

    @Override
    public Optional<OrganizationId> organization() {
        return Optional.empty();
    }

    @Override
    public boolean platform() {
        return true;
    }
}
