package org.rpmsync.organization;

import java.util.Optional;

/**
 * The application itself acting, e.g. at bootstrap or when seeding the demo clinic; {@code acting} is the
 * organization it acts in, or null for platform-wide work.
 */
public record SystemActor(String auditName, OrganizationId acting) implements Actor {

    public static final SystemActor BOOTSTRAP = new SystemActor("system:bootstrap");

    public SystemActor(String auditName) {
        this(auditName, null);
    }

    /** The application acting inside one organization. */
    public static SystemActor in(OrganizationId organization, String auditName) {
        return new SystemActor(auditName, organization);
    }

    @Override
    public Optional<OrganizationId> organization() {
        return Optional.ofNullable(acting);
    }

    @Override
    public boolean platform() {
        return acting == null;
    }
}
