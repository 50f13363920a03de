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
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    Fixtures(OrganizationDirectory organizations, StaffAccounts staff, ApiTokens tokens,
             org.springframework.security.core.userdetails.UserDetailsService users,
             org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    /** A Tenovi webhook for the organization, stored as the linking flow stores it (secret hashed). */
    public Webhook tenoviWebhook(Organization organization) {
        String key = unique("wh") + UUID.randomUUID().toString().replace("-", "");
        String secret = "Basic " + UUID.randomUUID();
        jdbc.sql("""
                insert into tenovi_connections (organization_id, status, client_domain, webhook_key, webhook_auth_header,
                                                webhook_secret_hash, updated_at)
                values (?, 'connected', ?, ?, 'Authorization', ?, current_timestamp)""")
                .params(organization.id().value(), organization.slug(), key, sha256(secret)).update();
        return new Webhook(organization, "/webhooks/tenovi/" + key, "Authorization", secret);
    }

    /** Where and how to post a Tenovi webhook delivery in tests. */
    public record Webhook(Organization organization, String path, String header, String secret) {
    }

    static String sha256(String value) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String platformToken() {
        return tokens.issue(SystemActor.BOOTSTRAP, null, "platform-test").secret();
    }
}
