package org.rpmsync;

import java.util.UUID;
import org.rpmsync.organization.ApiTokens;
import org.rpmsync.organization.NewStaff;
import org.rpmsync.organization.Organization;
import org.rpmsync.organization.OrganizationDirectory;
import org.rpmsync.organization.Role;
import org.rpmsync.organization.StaffAccounts;
import org.rpmsync.organization.SystemActor;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** Builds organizations, staff and tokens with unique names, so tests never collide on one database. */
@Component
public class Fixtures {

    public static final String PASSWORD = "correct horse battery staple";
    private final OrganizationDirectory organizations;
    private final StaffAccounts staff;
    private final ApiTokens tokens;
    private final org.springframework.security.core.userdetails.UserDetailsService users;

    Fixtures(OrganizationDirectory organizations, StaffAccounts staff, ApiTokens tokens,
             org.springframework.security.core.userdetails.UserDetailsService users) {
        this.organizations = organizations;
        this.staff = staff;
        this.tokens = tokens;
        this.users = users;
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public Organization organization() {
        return organizations.create(SystemActor.BOOTSTRAP, "Clinic " + unique("c"), unique("clinic"));
    }

    public Organization tenoviOrganization() {
        Organization o = organization();
        return organizations.switchTenovi(SystemActor.BOOTSTRAP, o.slug(), true).orElseThrow();
    }

    /** A new staff member of the organization (null for a platform admin); returns the email. */
    public String staff(Organization organization, Role role) {
        String email = unique("staff") + "@example.test";
        staff.add(SystemActor.BOOTSTRAP, organization == null ? null : organization.id(),
                new NewStaff(email, "Test " + role.label(), role, PASSWORD));
        return email;
    }

    /** Signs a MockMvc request in as that staff member. */
    public RequestPostProcessor signedIn(String email) {
        return user(users.loadUserByUsername(email));
    }

    public String orgToken(Organization organization) {
        return tokens.issue(SystemActor.BOOTSTRAP, organization.id(), "test").secret();
    }

    public String platformToken() {
        return tokens.issue(SystemActor.BOOTSTRAP, null, "platform-test").secret();
    }
}
