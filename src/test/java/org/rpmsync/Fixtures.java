package org.rpmsync;

import java.util.UUID;
import org.rpmsync.clients.Client;
import org.rpmsync.clients.ClientDetails;
import org.rpmsync.clients.ClientDirectory;
import org.rpmsync.clients.DeviceAssignments;
import org.rpmsync.clients.DeviceDetails;
import org.rpmsync.organization.ApiTokens;
import org.rpmsync.organization.NewStaff;
import org.rpmsync.organization.Organization;
import org.rpmsync.organization.OrganizationDirectory;
import org.rpmsync.organization.Role;
import org.rpmsync.organization.StaffAccounts;
import org.rpmsync.organization.SystemActor;
import org.rpmsync.integrations.TenoviConnections;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The test world's things, built the one real way with unique names so that tests never collide on one database:
 * organizations, staff and tokens, a clinic linked to Tenovi, a client, a mapped device, a Tenovi webhook.
 */
@Component
public class Fixtures {

    public static final String PASSWORD = "correct horse battery staple";
    private final OrganizationDirectory organizations;
    private final StaffAccounts staff;
    private final ApiTokens tokens;
    private final org.springframework.security.core.userdetails.UserDetailsService users;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final ClientDirectory clients;
    private final DeviceAssignments assignments;
    private final TenoviConnections connections;

    Fixtures(OrganizationDirectory organizations, StaffAccounts staff, ApiTokens tokens,
             org.springframework.security.core.userdetails.UserDetailsService users,
             org.springframework.jdbc.core.simple.JdbcClient jdbc, ClientDirectory clients,
             DeviceAssignments assignments, TenoviConnections connections) {
        this.jdbc = jdbc;
        this.organizations = organizations;
        this.staff = staff;
        this.tokens = tokens;
        this.users = users;
        this.clients = clients;
        this.assignments = assignments;
        this.connections = connections;
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

    /**
     * A Tenovi-enabled organization linked to the Tenovi account {@code slug} with {@code apiKey} through the
     * linking flow (which checks the key with Tenovi: the fake Tenovi or the simulator answers).
     */
    public Organization linkedClinic(String apiKey) {
        Organization clinic = tenoviOrganization();
        return link(clinic, clinic.slug(), apiKey);
    }

    /** Links the organization to the Tenovi account {@code clientDomain} through the linking flow. */
    public Organization link(Organization organization, String clientDomain, String apiKey) {
        connections.link(SystemActor.in(organization.id(), "test"), clientDomain, apiKey);
        return organization;
    }

    /** A client of the organization with a unique last name. */
    public Client client(Organization organization) {
        return client(organization, new ClientDetails("Ada", unique("Lovelace"), null, null, null));
    }

    public Client client(Organization organization, ClientDetails details) {
        return clients.create(organization.id(), SystemActor.BOOTSTRAP, details);
    }

    /** Maps a new Tenovi device (a unique HWI id, Tenovi's {@code name}, may be null) to the client; returns its id. */
    public String mappedDevice(Organization organization, Client client, String name) {
        String device = "dev-" + UUID.randomUUID().toString().substring(0, 8);
        assignments.assign(organization.id(), SystemActor.BOOTSTRAP, client.id(),
                new DeviceDetails("tenovi", device, name, null, null, null), false);
        return device;
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
