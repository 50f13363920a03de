package org.rpmsync.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.rpmsync.audit.AuditEntry;
import org.rpmsync.audit.AuditLog;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The clinics on the platform and their feature switches. */
@Service
public class OrganizationDirectory {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

    private final JdbcClient jdbc;
    private final AuditLog audit;

    OrganizationDirectory(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional
    public Organization create(Actor actor, String name, String slug) {
        String cleanName = name == null ? "" : name.strip();
        String cleanSlug = slug == null ? "" : slug.strip().toLowerCase();
        if (cleanName.isEmpty() || cleanName.length() > 200) {
            throw new OrganizationException("invalid_input", "name: must be 1 to 200 characters");
        }
        if (!SLUG.matcher(cleanSlug).matches()) {
            throw new OrganizationException("invalid_input",
                    "slug: use 1 to 63 lowercase letters, digits and inner hyphens");
        }
        var organization = new Organization(OrganizationId.of(UUID.randomUUID()), cleanName, cleanSlug, false,
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        try {
            jdbc.sql("insert into organizations (id, name, slug, tenovi_enabled, created_at) values (?, ?, ?, ?, ?)")
                    .params(organization.id().value(), cleanName, cleanSlug, false,
                            Timestamp.from(organization.createdAt()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new OrganizationException("slug_taken", "slug: another organization already uses " + cleanSlug);
        }
        audit.record(AuditEntry.success(organization.id().value(), actor.auditName(), "ORGANIZATION_CREATED",
                "organization", organization.id().toString()));
        return organization;
    }

    public List<Organization> all() {
        return jdbc.sql("select * from organizations order by name").query(OrganizationDirectory::organization).list();
    }

    public Optional<Organization> find(OrganizationId id) {
        return jdbc.sql("select * from organizations where id = ?").param(id.value())
                .query(OrganizationDirectory::organization).optional();
    }

    public Optional<Organization> findBySlug(String slug) {
        return jdbc.sql("select * from organizations where slug = ?").param(slug == null ? "" : slug.toLowerCase())
                .query(OrganizationDirectory::organization).optional();
    }

    /** Turns the Tenovi integration on or off for one organization (the "activation by your Account Executive"). */
    @Transactional
    public Optional<Organization> switchTenovi(Actor actor, String slug, boolean enabled) {
        Optional<Organization> found = findBySlug(slug);
        found.ifPresent(o -> {
            jdbc.sql("update organizations set tenovi_enabled = ? where id = ?").params(enabled, o.id().value())
                    .update();
            audit.record(AuditEntry.success(o.id().value(), actor.auditName(),
                    enabled ? "TENOVI_ENABLED" : "TENOVI_DISABLED", "organization", o.id().toString()));
        });
        return found.flatMap(o -> find(o.id()));
    }

    private static Organization organization(ResultSet rs, int row) throws SQLException {
        return new Organization(OrganizationId.of(rs.getObject("id", UUID.class)), rs.getString("name"),
                rs.getString("slug"), rs.getBoolean("tenovi_enabled"), rs.getTimestamp("created_at").toInstant());
    }
}
