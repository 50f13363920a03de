package org.rpmsync.organization;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.rpmsync.audit.AuditEntry;
import org.rpmsync.audit.AuditLog;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff members who sign in to the web pages, and their passwords (stored only as slow hashes). */
@Service
public class StaffAccounts {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final AuditLog audit;

    StaffAccounts(JdbcClient jdbc, PasswordEncoder passwords, AuditLog audit) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.audit = audit;
    }

    /** Adds a member; {@code organization} is null for a platform admin. */
    @Transactional
    public StaffMember add(Actor actor, OrganizationId organization, NewStaff staff) {
        if ((staff.role() == Role.PLATFORM_ADMIN) != (organization == null)) {
            throw new OrganizationException("invalid_input", "role: platform admins belong to no organization");
        }
        var member = new StaffMember(UUID.randomUUID(), organization, staff.email(), staff.name(), staff.role(), true,
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        try {
            jdbc.sql("""
                    insert into staff_users (id, organization_id, email, name, password_hash, role, enabled, created_at)
                    values (?, ?, ?, ?, ?, ?, true, ?)""")
                    .params(member.id(), organization == null ? null : organization.value(), member.email(),
                            member.name(), passwords.encode(staff.password()), member.role().name(),
                            Timestamp.from(member.createdAt()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new OrganizationException("email_taken", "email: a staff member with this email already exists");
        }
        audit.record(AuditEntry.success(organization == null ? null : organization.value(), actor.auditName(),
                "STAFF_ADDED", "staff", member.id().toString()).withDetail("role " + member.role()));
        return member;
    }

    public List<StaffMember> members(OrganizationId organization) {
        return jdbc.sql("select * from staff_users where organization_id = ? order by name")
                .param(organization.value()).query(StaffAccounts::member).list();
    }

    /** The member of this organization with this id, if any. */
    public Optional<StaffMember> member(OrganizationId organization, UUID id) {
        return jdbc.sql("select * from staff_users where organization_id = ? and id = ?")
                .params(organization.value(), id).query(StaffAccounts::member).optional();
    }

    public Optional<StaffLogin> login(String email) {
        return jdbc.sql("select * from staff_users where email = ?").param(normalizeEmail(email))
                .query((rs, n) -> new StaffLogin(member(rs, n), rs.getString("password_hash"))).optional();
    }

    public boolean exists(String email) {
        return login(email).isPresent();
    }

    /** Sets a new password, e.g. for the demo clinic whose passwords are new at every start. */
    @Transactional
    public void changePassword(String email, String newPassword) {
        jdbc.sql("update staff_users set password_hash = ? where email = ?")
                .params(passwords.encode(newPassword), normalizeEmail(email)).update();
    }

    /** A random password for people who get theirs printed or shown once. */
    public static String generatePassword() {
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String normalizeEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    static StaffMember member(ResultSet rs, int row) throws SQLException {
        UUID org = rs.getObject("organization_id", UUID.class);
        return new StaffMember(rs.getObject("id", UUID.class), org == null ? null : OrganizationId.of(org),
                rs.getString("email"), rs.getString("name"), Role.valueOf(rs.getString("role")),
                rs.getBoolean("enabled"), rs.getTimestamp("created_at").toInstant());
    }
}
