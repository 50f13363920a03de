package org.rpmsync.organization;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.rpmsync.audit.AuditEntry;
import org.rpmsync.audit.AuditLog;
import org.rpmsync.web.PublicAddress;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Password changes: staff change their own (current password required), and an admin issues a one-time reset
 * link for someone who forgot theirs. A link is 256 random bits, stored only as its SHA-256 hash, valid for 24 h
 * and once; issuing a new one voids the previous one. The secret travels after '#' so it never reaches server
 * or proxy logs. Every change is audited.
 */
@Service
public class StaffPasswords {

    static final Duration LINK_LIFETIME = Duration.ofHours(24);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final StaffAccounts staff;
    private final PasswordEncoder passwords;
    private final ResetMail mail;
    private final AuditLog audit;
    private final PublicAddress here;

    StaffPasswords(JdbcClient jdbc, StaffAccounts staff, PasswordEncoder passwords, ResetMail mail, AuditLog audit,
                   PublicAddress here) {
        this.jdbc = jdbc;
        this.staff = staff;
        this.passwords = passwords;
        this.mail = mail;
        this.audit = audit;
        this.here = here;
    }

    @Transactional
    public void changeOwn(Actor actor, String current, String next) {
        StaffLogin login = staff.login(actor.auditName())
                .orElseThrow(() -> new OrganizationException("not_found", "staff: no such staff member"));
        UUID org = login.member().organizationId() == null ? null : login.member().organizationId().value();
        if (current == null || !passwords.matches(current, login.passwordHash())) {
            audit.record(AuditEntry.denied(org, actor.auditName(), "PASSWORD_CHANGED", "staff", login.member().id().toString()));
            throw new OrganizationException("invalid_input", "current: this is not your current password");
        }
        store(login.member().id(), next);
        audit.record(AuditEntry.success(org, actor.auditName(), "PASSWORD_CHANGED", "staff", login.member().id().toString()));
    }

    @Transactional
    public PasswordReset issueReset(Actor actor, OrganizationId organization, UUID staffId) {
        StaffMember member = staff.member(organization, staffId)
                .orElseThrow(() -> new OrganizationException("not_found", "staff: no such staff member"));
        if (!member.enabled()) {
            throw new OrganizationException("inactive", "staff: reactivate the account before resetting its password");
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = Instant.now();
        Instant expires = now.plus(LINK_LIFETIME);
        jdbc.sql("update staff_password_resets set used_at = ? where staff_id = ? and used_at is null")
                .params(Timestamp.from(now), staffId).update();
        jdbc.sql("""
                insert into staff_password_resets (id, staff_id, token_hash, created_by, created_at, expires_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), staffId, ApiTokens.hash(secret), actor.auditName(), Timestamp.from(now),
                        Timestamp.from(expires)).update();
        String link = here.of("/password-reset#" + secret);
        boolean mailed = mail.send(member, link, expires);
        audit.record(AuditEntry.success(organization.value(), actor.auditName(), "PASSWORD_RESET_ISSUED", "staff",
                staffId.toString()).withDetail(mailed ? "sent by e-mail" : "link shown once"));
        return new PasswordReset(member, mailed ? null : link, expires, mailed);
    }

    /** Sets the password of the link's member; the link is then used up. */
    @Transactional
    public void redeem(String secret, String next) {
        NewStaff.checkPassword(next);
        Instant now = Instant.now();
        UUID staffId = jdbc.sql("""
                select r.staff_id from staff_password_resets r join staff_users s on s.id = r.staff_id
                where r.token_hash = ? and r.used_at is null and r.expires_at > ? and s.enabled = true for update""")
                .params(ApiTokens.hash(secret == null ? "" : secret.strip()), Timestamp.from(now))
                .query(UUID.class).optional()
                .orElseThrow(() -> new OrganizationException("invalid_link",
                        "link: this reset link is invalid, already used or expired; ask your admin for a new one"));
        jdbc.sql("update staff_password_resets set used_at = ? where staff_id = ? and used_at is null")
                .params(Timestamp.from(now), staffId).update();
        store(staffId, next);
        StaffLogin login = jdbc.sql("select * from staff_users where id = ?").param(staffId)
                .query((rs, n) -> new StaffLogin(StaffAccounts.member(rs, n), null)).single();
        UUID org = login.member().organizationId() == null ? null : login.member().organizationId().value();
        audit.record(AuditEntry.success(org, login.member().email(), "PASSWORD_RESET_COMPLETED", "staff",
                staffId.toString()));
    }

    private void store(UUID staffId, String next) {
        NewStaff.checkPassword(next);
        jdbc.sql("update staff_users set password_hash = ? where id = ?")
                .params(passwords.encode(next), staffId).update();
    }
}
