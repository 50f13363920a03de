package org.rpmsync.security;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.rpmsync.organization.Actor;
import org.rpmsync.organization.OrganizationId;
import org.rpmsync.organization.Role;
import org.rpmsync.organization.StaffLogin;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A signed-in staff member, as kept in the session (serialized into {@code spring_session_attributes}: keep the
 * fields compatible, or every open session ends at the next release). The password hash is erased after sign-in.
 */
public final class StaffPrincipal implements UserDetails, CredentialsContainer, Actor {

    private static final long serialVersionUID = 1L;

    private final String email;
    private final String displayName;
    private final Role role;
    private final OrganizationId organizationId;
    private final boolean enabled;
    private String passwordHash;

    StaffPrincipal(StaffLogin login) {
        this.email = login.member().email();
        this.displayName = login.member().name();
        this.role = login.member().role();
        this.organizationId = login.member().organizationId();
        this.enabled = login.member().enabled();
        this.passwordHash = login.passwordHash();
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    public String getDisplayName() {
        return displayName;
    }

    public Role role() {
        return role;
    }

    @Override
    public Optional<OrganizationId> organization() {
        return Optional.ofNullable(organizationId);
    }

    @Override
    public String auditName() {
        return email;
    }

    @Override
    public boolean platform() {
        return role == Role.PLATFORM_ADMIN;
    }
}
