package org.rpmsync.integrations;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.rpmsync.audit.AuditEntry;
import org.rpmsync.audit.AuditLog;
import org.rpmsync.organization.Actor;
import org.rpmsync.organization.Organization;
import org.rpmsync.organization.OrganizationDirectory;
import org.rpmsync.organization.OrganizationId;
import org.rpmsync.tenovi.AccountWebhook;
import org.rpmsync.tenovi.ConnectionCheck;
import org.rpmsync.tenovi.TenoviAccount;
import org.rpmsync.tenovi.TenoviCredentials;
import org.rpmsync.tenovi.TenoviProperties;
import org.rpmsync.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Each organization's link to its Tenovi account: link (validated against Tenovi before anything is saved), test,
 * unlink, and the webhook secret the future webhook endpoint checks with {@link #verifyWebhook}. Failures are
 * {@link ApiProblem}s whose detail is the sentence shown to people; no secret is ever in one.
 */
@Service
public class TenoviConnections {

    /** The audit target of the link and of what is read from the account. */
    public static final String TARGET = "tenovi_connection";

    private final ConnectionStore store;
    private final SecretBox box;
    private final TenoviAccount account;
    private final OrganizationDirectory organizations;
    private final AuditLog audit;
    private final WebhookSecrets secrets;
    private final TenoviProperties properties;
    private final RefusedWebhooks refused;
    private final WebhookRegistrar registrar;

    TenoviConnections(ConnectionStore store, SecretBox box, TenoviAccount account, OrganizationDirectory organizations,
                      AuditLog audit, WebhookSecrets secrets, TenoviProperties properties,
                      RefusedWebhooks refused, WebhookRegistrar registrar) {
        this.store = store;
        this.box = box;
        this.account = account;
        this.organizations = organizations;
        this.audit = audit;
        this.secrets = secrets;
        this.properties = properties;
        this.refused = refused;
        this.registrar = registrar;
    }

    public TenoviConnection status(OrganizationId organization) {
        boolean enabled = enabled(organization);
        Optional<ConnectionRow> row = store.find(organization.value());
        if (row.isEmpty()) {
            return new TenoviConnection(organization, enabled, enabled ? TenoviStatus.NOT_LINKED
                    : TenoviStatus.NOT_ENABLED, null, null, null, null, null, null, null, false, RefusedDeliveries.NONE);
        }
        ConnectionRow r = row.get();
        RefusedDeliveries refusals = refused.recent(organization, Instant.now());
        boolean secretSet = r.secretHash() != null;
        String url = secretSet ? secrets.url(r.webhookKey()) : null;
        String header = secretSet ? r.webhookAuthHeader() : null;
        if (!r.linked()) {
            return new TenoviConnection(organization, enabled, enabled ? TenoviStatus.NOT_LINKED
                    : TenoviStatus.NOT_ENABLED, null, null, null, null, r.lastWebhookAt(), url, header, secretSet,
                    refusals);
        }
        return new TenoviConnection(organization, enabled, enabled ? r.status() : TenoviStatus.NOT_ENABLED,
                r.clientDomain(), r.apiKeyHint(), r.checkedAt(), r.lastError(), r.lastWebhookAt(),
                secrets.url(r.webhookKey()), r.webhookAuthHeader(), secretSet, refusals);
    }

    /** Links (or replaces the key of) the actor's organization after Tenovi accepted the key. */
    public LinkOutcome link(Actor actor, String rawClientDomain, String apiKey) {
        OrganizationId organization = requireEnabled(actor);
        String domain = ClientDomain.parse(rawClientDomain).orElseThrow(() -> ApiProblem.invalid("clientDomain",
                "enter the organization slug from Tenovi (letters, digits and hyphens), or paste its Tenovi URL"));
        String key = apiKey == null ? "" : apiKey.strip();
        if (key.length() < 8 || key.length() > 512 || !key.chars().allMatch(c -> c > 32 && c < 127)) {
            throw ApiProblem.invalid("apiKey", "paste the whole API key from Tenovi (no spaces)");
        }
        boolean replacing = store.find(organization.value()).map(ConnectionRow::linked).orElse(false);
        String action = replacing ? "TENOVI_KEY_REPLACED" : "TENOVI_LINKED";
        ConnectionCheck check = account.check(new TenoviCredentials(domain, key));
        if (!check.connected()) {
            record(actor, action, AuditEntry.Outcome.FAILED, domain + ": " + check.result());
            throw TenoviStatus.problem(check, domain);
        }
        UUID id = organization.value();
        store.ensure(id, WebhookSecret.generateKey(), properties.webhookAuthHeader());
        store.saveLink(id, domain, box.seal(key, id.toString()), TenoviCredentials.hint(key), now());
        WebhookSecret secret = null;
        if (store.find(id).orElseThrow().secretHash() == null) {
            secret = secrets.issue(id);
        }
        record(actor, action, AuditEntry.Outcome.SUCCESS, "client domain " + domain);
        return new LinkOutcome(status(organization), secret);
    }

    /** Checks the stored credentials again now and records the result; the connection's new state is returned. */
    public TenoviConnection test(Actor actor) {
        OrganizationId organization = requireEnabled(actor);
        TenoviCredentials credentials = credentials(organization).orElseThrow(TenoviConnections::notLinked);
        ConnectionCheck check = account.check(credentials);
        store.saveCheck(organization.value(), TenoviStatus.of(check),
                check.connected() ? null : TenoviStatus.message(check, credentials.clientDomain()), now());
        record(actor, "TENOVI_TESTED", check.connected() ? AuditEntry.Outcome.SUCCESS : AuditEntry.Outcome.FAILED,
                credentials.clientDomain() + ": " + check.result());
        return status(organization);
    }

    /**
     * Erases the key; the webhook URL and secret stay valid (Tenovi's webhooks keep being accepted, and a re-link
     * issues no new secret), as do measurements, devices and history. Idempotent.
     */
    public void unlink(Actor actor) {
        OrganizationId organization = actor.organizationId();
        store.unlink(organization.value());
        record(actor, "TENOVI_UNLINKED", AuditEntry.Outcome.SUCCESS, null);
    }

    /** A new webhook secret, shown once; the previous one keeps working for 24 hours. */
    public WebhookSecret rotateWebhookSecret(Actor actor) {
        OrganizationId organization = requireEnabled(actor);
        store.find(organization.value()).filter(ConnectionRow::linked).orElseThrow(TenoviConnections::notLinked);
        WebhookSecret secret = secrets.issue(organization.value());
        record(actor, "WEBHOOK_SECRET_ROTATED", AuditEntry.Outcome.SUCCESS, null);
        return secret;
    }

    /**
     * Rotates the secret and gives it to our webhooks in Tenovi: our registrations at the same URL are updated (stale
     * duplicates removed) and the missing MEASUREMENT/FULFILLMENT ones created, never added beside the old ones.
     */
    public WebhookRegistration registerWebhooks(Actor actor) {
        WebhookSecret secret = rotateWebhookSecret(actor);
        TenoviCredentials credentials = credentials(actor.organizationId()).orElseThrow(TenoviConnections::notLinked);
        WebhookRegistrar.Result result = registrar.register(credentials,
                new AccountWebhook.Target(secret.url(), secret.authHeader(), secret.authKey()));
        record(actor, "TENOVI_WEBHOOK_REGISTERED", result.registered() ? AuditEntry.Outcome.SUCCESS
                : AuditEntry.Outcome.FAILED, "updated " + result.updated() + ", removed " + result.removed()
                + ", created " + result.created() + (result.registered() ? "" : "; Tenovi HTTP " + result.failedStatus()));
        return new WebhookRegistration(secret, result.registered(), result.failedStatus(), result.updated(),
                result.removed(), result.created());
    }

    /**
     * For the webhook endpoint: the organization whose webhook key this is, when {@code presentedValue} (the value
     * of the configured auth header) matches its current secret, or its previous secret within 24 h of a rotation.
     * Hash comparisons are constant-time. Empty for an unknown key, an unlinked organization or a wrong value.
     */
    public Optional<OrganizationId> verifyWebhook(String webhookKey, String presentedValue) {
        return secrets.verify(webhookKey, presentedValue);
    }

    /**
     * For the webhook endpoint, in one lookup: the owner of {@code webhookKey} and whether {@code header} (a lookup
     * of request headers by name) carries its secret in the configured header.
     */
    public WebhookVerdict judgeWebhook(String webhookKey, java.util.function.Function<String, String> header) {
        return secrets.judge(webhookKey, header);
    }

    /** The header name Tenovi must send the secret in, for the webhook endpoint. */
    public Optional<String> webhookAuthHeader(String webhookKey) {
        return store.findByWebhookKey(webhookKey).map(ConnectionRow::webhookAuthHeader);
    }

    /** For the webhook endpoint: a delivery with a wrong or missing secret was refused (the tile turns amber). */
    public void webhookRefused(OrganizationId organization) {
        refused.count(organization, Instant.now());
    }

    /** For the webhook endpoint: remembers when the latest delivery arrived (shown on the tile). */
    public void webhookReceived(OrganizationId organization, Instant at) {
        store.webhookReceived(organization.value(), at);
    }

    /** A sync job saw Tenovi refuse the key (401/403): the tile turns red until the key is replaced or re-tested. */
    public void credentialsRejected(OrganizationId organization, String message) {
        store.saveCheck(organization.value(), TenoviStatus.CREDENTIALS_REJECTED, message, now());
    }

    /** Organizations whose Tenovi connection is currently good (reconciliation visits them). */
    public java.util.List<UUID> connected() {
        return store.connected();
    }

    /** The decrypted credentials, for calls to Tenovi on the organization's behalf. Never log or return the key. */
    public Optional<TenoviCredentials> credentials(OrganizationId organization) {
        UUID id = organization.value();
        return store.find(id).filter(ConnectionRow::linked)
                .map(r -> new TenoviCredentials(r.clientDomain(), box.open(r.apiKey(), id.toString())));
    }

    private boolean enabled(OrganizationId organization) {
        return organizations.find(organization).map(Organization::tenoviEnabled).orElse(false);
    }

    private OrganizationId requireEnabled(Actor actor) {
        OrganizationId organization = actor.organizationId();
        if (!enabled(organization)) {
            record(actor, "TENOVI_CHANGE", AuditEntry.Outcome.DENIED, "Tenovi is not enabled");
            throw new ApiProblem(HttpStatus.FORBIDDEN, "not_enabled", "Tenovi is not enabled for this organization. "
                    + "Ask your RPM Sync account executive or platform admin to turn it on.");
        }
        return organization;
    }

    private static ApiProblem notLinked() {
        return new ApiProblem(HttpStatus.CONFLICT, "not_linked", "Link a Tenovi account first.");
    }

    private void record(Actor actor, String action, AuditEntry.Outcome outcome, String detail) {
        UUID organization = actor.organizationId().value();
        audit.record(new AuditEntry(Instant.now(), organization, actor.auditName(), action, TARGET,
                organization.toString(), outcome, detail));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
