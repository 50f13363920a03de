package org.rpmsync.security;

import java.util.Optional;
import org.rpmsync.organization.Actor;
import org.rpmsync.organization.ApiToken;
import org.rpmsync.organization.OrganizationId;

/** An integrator or automation calling {@code /api/v1/**} with a bearer token. */
public record TokenPrincipal(ApiToken token) implements Actor {

    @Override
    public Optional<OrganizationId> organization() {
        return Optional.ofNullable(token.organizationId());
    }

    @Override
    public String auditName() {
        return token.auditName();
    }

    @Override
    public boolean platform() {
        return token.scope() == ApiToken.Scope.PLATFORM;
    }

    String role() {
        return platform() ? "ROLE_PLATFORM_TOKEN" : "ROLE_ORG_TOKEN";
    }
}
