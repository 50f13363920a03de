package org.rpmsync.integrations;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rpmsync.RpmSyncTest;
import org.rpmsync.TestWorld;
import org.rpmsync.organization.Actor;
import org.rpmsync.organization.Organization;
import org.rpmsync.organization.OrganizationId;
import org.rpmsync.tenovi.FakeTenovi;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@RpmSyncTest
class WebhookVerificationTests extends TestWorld {

    @Autowired
    TenoviConnections connections;

    @BeforeEach
    void reset() {
        FakeTenovi.instance().reset();
    }

    record Linked(OrganizationId organization, Actor actor, WebhookSecret secret) {
        String webhookKey() {
            return secret.url().substring(secret.url().lastIndexOf('/') + 1);
        }
    }

    Linked linked() {
        Organization org = fixtures.tenoviOrganization();
        Actor actor = new TestActor(org.id());
        LinkOutcome outcome = connections.link(actor, "myclinic", "tk_live_abcdefgh12345678");
        assertThat(outcome.newWebhookSecret()).isNotNull();
        return new Linked(org.id(), actor, outcome.newWebhookSecret());
    }

    @Test
    void acceptsTheCurrentSecret() {
        Linked a = linked();
        assertThat(connections.verifyWebhook(a.webhookKey(), a.secret().authKey())).contains(a.organization());
        assertThat(a.secret().url()).isEqualTo(connections.status(a.organization()).webhookUrl());
        assertThat(connections.webhookAuthHeader(a.webhookKey())).contains("Authorization");
    }

    @Test
    void rejectsAWrongOrMissingSecretAndAnUnknownKey() {
        Linked a = linked();
        assertThat(connections.verifyWebhook(a.webhookKey(), "wrong")).isEmpty();
        assertThat(connections.verifyWebhook(a.webhookKey(), "")).isEmpty();
        assertThat(connections.verifyWebhook(a.webhookKey(), null)).isEmpty();
        assertThat(connections.verifyWebhook("no-such-key", a.secret().authKey())).isEmpty();
        assertThat(connections.verifyWebhook(null, a.secret().authKey())).isEmpty();
    }

    @Test
    void rejectsAnotherOrganizationsSecret() {
        Linked a = linked();
        Linked b = linked();
        assertThat(a.webhookKey()).isNotEqualTo(b.webhookKey()).isNotEqualTo("myclinic");
        assertThat(connections.verifyWebhook(a.webhookKey(), b.secret().authKey())).isEmpty();
        assertThat(connections.verifyWebhook(b.webhookKey(), a.secret().authKey())).isEmpty();
        assertThat(connections.verifyWebhook(b.webhookKey(), b.secret().authKey())).contains(b.organization());
    }

    @Test
    void keepsThePreviousSecretValidFor24HoursAfterARotation() {
        Linked a = linked();
        WebhookSecret rotated = connections.rotateWebhookSecret(a.actor());
        assertThat(rotated.authKey()).isNotEqualTo(a.secret().authKey());
        assertThat(rotated.url()).isEqualTo(a.secret().url());

        assertThat(connections.verifyWebhook(a.webhookKey(), rotated.authKey())).contains(a.organization());
        assertThat(connections.verifyWebhook(a.webhookKey(), a.secret().authKey())).contains(a.organization());
        Instant expiry = jdbc.sql("select previous_secret_expires_at from tenovi_connections where organization_id = ?")
                .param(a.organization().value()).query(Timestamp.class).single().toInstant();
        assertThat(expiry).isBetween(Instant.now().plus(23, ChronoUnit.HOURS), Instant.now().plus(25, ChronoUnit.HOURS));
    }

    @Test
    void rejectsThePreviousSecretOnceExpired() {
        Linked a = linked();
        WebhookSecret rotated = connections.rotateWebhookSecret(a.actor());
        jdbc.sql("update tenovi_connections set previous_secret_expires_at = ? where organization_id = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(1)), a.organization().value()).update();
        assertThat(connections.verifyWebhook(a.webhookKey(), a.secret().authKey())).isEmpty();
        assertThat(connections.verifyWebhook(a.webhookKey(), rotated.authKey())).contains(a.organization());
    }

    @Test
    void storesSecretsOnlyAsHashesAndTheKeyOnlyEncrypted() {
        Linked a = linked();
        String row = jdbc.sql("select * from tenovi_connections where organization_id = ?")
                .param(a.organization().value()).query((rs, n) -> {
                    StringBuilder all = new StringBuilder();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        all.append(rs.getString(i)).append('|');
                    }
                    return all.toString();
                }).single();
        assertThat(row).doesNotContain(a.secret().authKey()).doesNotContain("tk_live_abcdefgh12345678")
                .contains(WebhookSecret.hash(a.secret().authKey()));
        assertThat(connections.credentials(a.organization()))
                .hasValueSatisfying(c -> assertThat(c.apiKey()).isEqualTo("tk_live_abcdefgh12345678"));
    }

    @Test
    void unlinkAndRelinkKeepTheWebhookUrlAndSecretValidAndIssueNoNewSecret() {
        Linked a = linked();
        connections.unlink(a.actor());
        assertThat(connections.credentials(a.organization())).isEmpty();
        assertThat(connections.verifyWebhook(a.webhookKey(), a.secret().authKey())).contains(a.organization());
        assertThat(connections.status(a.organization()).webhookUrl()).isEqualTo(a.secret().url());

        LinkOutcome again = connections.link(a.actor(), "myclinic", "tk_live_abcdefgh12345678");
        assertThat(again.newWebhookSecret()).as("a re-link issues no new secret").isNull();
        assertThat(again.connection().webhookUrl()).isEqualTo(a.secret().url());
        assertThat(connections.verifyWebhook(a.webhookKey(), a.secret().authKey())).contains(a.organization());
    }

    @Test
    void remembersTheLatestWebhook() {
        Linked a = linked();
        Instant at = Instant.parse("2026-01-02T03:04:05Z");
        connections.webhookReceived(a.organization(), at);
        connections.webhookReceived(a.organization(), at.minusSeconds(60));
        assertThat(connections.status(a.organization()).lastWebhookAt()).isEqualTo(at);
    }

    record TestActor(OrganizationId id) implements Actor {
        @Override
        public java.util.Optional<OrganizationId> organization() {
            return java.util.Optional.of(id);
        }

        @Override
        public String auditName() {
            return "test@example.test";
        }

        @Override
        public boolean platform() {
            return false;
        }
    }
}
