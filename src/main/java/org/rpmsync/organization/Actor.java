package org.rpmsync.organization;

import java.util.Optional;

/**
 * Whoever is acting: a signed-in staff member or an API token. The organization an actor works in always comes
 * from here (that is, from the authenticated principal), never from a request parameter or header.
 */
public interface Actor {

    /** The organization this actor acts inside; empty for platform admins and platform tokens. */
    Optional<OrganizationId> organization();

    /** How audit rows name this actor: a staff email, or {@code token:<name>}. */
    String auditName();

    boolean platform();

    /** The organization, for callers that are only reachable by organization-scoped actors. */
    default OrganizationId organizationId() {
        return organization().orElseThrow(() -> new IllegalStateException("not an organization actor"));
    }
}
