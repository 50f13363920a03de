package org.rpmsync.integrations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes {@code tenovi_connections}. Every query is scoped by organization or by webhook key. */
@Repository
class ConnectionStore {

    private final JdbcClient jdbc;

    ConnectionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ConnectionRow> find(UUID organizationId) {
        return jdbc.sql("select * from tenovi_connections where organization_id = ?").param(organizationId)
                .query(ConnectionStore::row).optional();
    }

    Optional<ConnectionRow> findByWebhookKey(String webhookKey) {
        return jdbc.sql("select * from tenovi_connections where webhook_key = ?").param(webhookKey)
                .query(ConnectionStore::row).optional();
    }

    /** Makes sure the organization has a row (and so a stable webhook key); a no-op when it already has one. */
    void ensure(UUID organizationId, String webhookKey, String authHeader) {
        jdbc.sql("""
                insert into tenovi_connections (organization_id, status, webhook_key, webhook_auth_header, updated_at)
                values (?, 'not_linked', ?, ?, ?) on conflict do nothing""")
                .params(organizationId, webhookKey, authHeader, ts(Instant.now())).update();
    }

    void saveLink(UUID organizationId, String clientDomain, SealedSecret key, String hint, Instant checkedAt) {
        jdbc.sql("""
                update tenovi_connections set status = 'connected', client_domain = ?, api_key_key_id = ?,
                  api_key_iv = ?, api_key_ciphertext = ?, api_key_hint = ?, checked_at = ?, last_error = null,
                  linked_at = coalesce(linked_at, ?), updated_at = ? where organization_id = ?""")
                .params(clientDomain, key.keyId(), key.iv(), key.ciphertext(), hint, ts(checkedAt), ts(checkedAt),
                        ts(checkedAt), organizationId).update();
    }

    void saveCheck(UUID organizationId, TenoviStatus status, String lastError, Instant checkedAt) {
        jdbc.sql("""
                update tenovi_connections set status = ?, last_error = ?, checked_at = ?, updated_at = ?
                where organization_id = ?""")
                .params(status.wire(), lastError, ts(checkedAt), ts(checkedAt), organizationId).update();
    }

    /** The new secret becomes current; the old one stays valid until {@code previousExpiresAt}. */
    void rotateSecret(UUID organizationId, String newHash, Instant previousExpiresAt) {
        jdbc.sql("""
                update tenovi_connections set previous_secret_hash = webhook_secret_hash,
                  previous_secret_expires_at = case when webhook_secret_hash is null then null else cast(? as timestamp with time zone) end,
                  webhook_secret_hash = ?, updated_at = ? where organization_id = ?""")
                .params(ts(previousExpiresAt), newHash, ts(Instant.now()), organizationId).update();
    }

    /**
     * Erases the API key; the webhook key and secrets (so Tenovi's webhooks keep working and a re-link issues no
     * new secret), health history and all data stay.
     */
    void unlink(UUID organizationId) {
        jdbc.sql("""
                update tenovi_connections set status = 'not_linked', client_domain = null, api_key_key_id = null,
                  api_key_iv = null, api_key_ciphertext = null, api_key_hint = null, checked_at = null,
                  last_error = null, linked_at = null, updated_at = ? where organization_id = ?""")
                .params(ts(Instant.now()), organizationId).update();
    }

    List<UUID> connected() {
        return jdbc.sql("select organization_id from tenovi_connections where status = 'connected'")
                .query(UUID.class).list();
    }

    void webhookReceived(UUID organizationId, Instant at) {
        jdbc.sql("""
                update tenovi_connections set last_webhook_at = ?
                where organization_id = ? and (last_webhook_at is null or last_webhook_at < ?)""")
                .params(ts(at), organizationId, ts(at)).update();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static ConnectionRow row(ResultSet rs, int n) throws SQLException {
        String keyId = rs.getString("api_key_key_id");
        SealedSecret key = keyId == null ? null
                : new SealedSecret(keyId, rs.getString("api_key_iv"), rs.getString("api_key_ciphertext"));
        return new ConnectionRow(rs.getObject("organization_id", UUID.class),
                TenoviStatus.ofWire(rs.getString("status")), rs.getString("client_domain"), key,
                rs.getString("api_key_hint"), instant(rs, "checked_at"), rs.getString("last_error"),
                instant(rs, "last_webhook_at"), rs.getString("webhook_key"), rs.getString("webhook_auth_header"),
                rs.getString("webhook_secret_hash"), rs.getString("previous_secret_hash"),
                instant(rs, "previous_secret_expires_at"));
    }
}
