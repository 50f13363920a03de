package org.rpmsync.organization;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.rpmsync.audit.AuditEntry;
import org.rpmsync.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bearer tokens for the REST API. A token is shown once when issued; only its SHA-256 hash and its last four
 * characters are stored (tokens carry 256 random bits, so a fast hash is enough).
 */
@Service
public class ApiTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final AuditLog audit;

    ApiTokens(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Issues a token for {@code organization}, or a platform token when it is null. */
    @Transactional
    public IssuedToken issue(Actor actor, OrganizationId organization, String name) {
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > 100) {
            throw new OrganizationException("invalid_input", "name: must be 1 to 100 characters");
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return store(actor, organization, cleanName, "rpm_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** Stores a given secret as a platform token (bootstrap); a no-op when that secret is already stored. */
    @Transactional
    public void ensurePlatformToken(Actor actor, String secret) {
        if (secret.length() < 20) {
            throw new OrganizationException("invalid_input", "platform token: use at least 20 characters");
        }
        if (findActive(secret).isEmpty()) {
            store(actor, null, "bootstrap", secret);
        }
    }

    public List<ApiToken> list(OrganizationId organization) {
        return jdbc.sql("select * from api_tokens where organization_id = ? order by created_at desc")
                .param(organization.value()).query(ApiTokens::token).list();
    }

    /** Revokes a token of this organization; false when no such token belongs to it. */
    @Transactional
    public boolean revoke(Actor actor, OrganizationId organization, UUID tokenId) {
        int changed = jdbc.sql("""
                update api_tokens set revoked_at = ? where id = ? and organization_id = ? and revoked_at is null""")
                .params(Timestamp.from(Instant.now()), tokenId, organization.value()).update();
        audit.record(changed == 1
                ? AuditEntry.success(organization.value(), actor.auditName(), "TOKEN_REVOKED", "api_token", tokenId.toString())
                : AuditEntry.denied(organization.value(), actor.auditName(), "TOKEN_REVOKED", "api_token", tokenId.toString()));
        return changed == 1;
    }

    /**
     * The active token with this secret, if any; records when it was last used (to the minute). Read from
     * the database on every call, never cached, so a revoked token is refused at once on every instance.
     */
    @Transactional
    public Optional<ApiToken> authenticate(String secret) {
        Optional<ApiToken> token = findActive(secret);
        token.filter(t -> t.lastUsedAt() == null || t.lastUsedAt().isBefore(Instant.now().minus(LAST_USED_PRECISION)))
                .ifPresent(t -> jdbc.sql("update api_tokens set last_used_at = ? where id = ?")
                        .params(Timestamp.from(Instant.now()), t.id()).update());
        return token;
    }

    private Optional<ApiToken> findActive(String secret) {
        return jdbc.sql("select * from api_tokens where token_hash = ? and revoked_at is null")
                .param(hash(secret)).query(ApiTokens::token).optional();
    }

    private IssuedToken store(Actor actor, OrganizationId organization, String name, String secret) {
        var token = new ApiToken(UUID.randomUUID(), organization,
                organization == null ? ApiToken.Scope.PLATFORM : ApiToken.Scope.ORGANIZATION, name,
                secret.substring(secret.length() - 4), actor.auditName(), Instant.now().truncatedTo(ChronoUnit.MICROS), null, null);
        jdbc.sql("""
                insert into api_tokens (id, organization_id, scope, name, token_hash, hint, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(token.id(), organization == null ? null : organization.value(), token.scope().name(), name,
                        hash(secret), token.hint(), token.createdBy(), Timestamp.from(token.createdAt()))
                .update();
        audit.record(AuditEntry.success(organization == null ? null : organization.value(), actor.auditName(),
                "TOKEN_CREATED", "api_token", token.id().toString()));
        return new IssuedToken(token, secret);
    }

    static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiToken token(ResultSet rs, int row) throws SQLException {
        UUID org = rs.getObject("organization_id", UUID.class);
        Timestamp used = rs.getTimestamp("last_used_at");
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new ApiToken(rs.getObject("id", UUID.class), org == null ? null : OrganizationId.of(org),
                ApiToken.Scope.valueOf(rs.getString("scope")), rs.getString("name"), rs.getString("hint"),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), used == null ? null : used.toInstant(),
                revoked == null ? null : revoked.toInstant());
    }
}
