package org.rpmsync.integrations;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.rpmsync.organization.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organization's Tenovi connection for an organization token (spec §3). Besides the spec's codes, a Tenovi
 * redirect (a wrong base URL) is 502 {@code tenovi_redirect}, and test or rotate before linking is 409
 * {@code not_linked}.
 */
@RestController
@RequestMapping("/api/v1/integrations/tenovi")
class TenoviApi {

    private final TenoviConnections connections;

    TenoviApi(TenoviConnections connections) {
        this.connections = connections;
    }

    record LinkRequest(String clientDomain, String apiKey) {
        @Override
        public String toString() {
            return "LinkRequest[clientDomain=" + clientDomain + "]";
        }
    }

    /** {@code authKey} is only present in the answer to the PUT that generated the first secret. */
    record WebhookResponse(String url, String authHeader, @JsonInclude(JsonInclude.Include.NON_NULL) String authKey) {
    }

    /** Deliveries refused on our webhook URL (missing or wrong secret) in the last 24 h, and the latest one's time. */
    record RefusedResponse(long count24h, Instant lastAt) {
    }

    /**
     * {@code lastError} is the failed key check, else the refused deliveries' sentence (what happened and what to
     * do), so it is never null while Tenovi's deliveries are being refused.
     */
    record ConnectionResponse(boolean enabled, String status, String clientDomain, String apiKeyHint,
                              Instant checkedAt, String lastError, Instant lastWebhookAt, WebhookResponse webhook,
                              RefusedResponse refusedDeliveries) {

        static ConnectionResponse of(TenoviConnection c, WebhookSecret newSecret) {
            WebhookResponse webhook = c.webhookUrl() == null ? null : new WebhookResponse(c.webhookUrl(),
                    c.webhookAuthHeader(), newSecret == null ? null : newSecret.authKey());
            RefusedDeliveries refused = c.refusedDeliveries();
            return new ConnectionResponse(c.enabled(), c.status().wire(), c.clientDomain(), c.apiKeyHint(),
                    c.checkedAt(), c.currentError(), c.lastWebhookAt(), webhook,
                    new RefusedResponse(refused.count24h(), refused.lastAt()));
        }
    }

    record SecretResponse(String authHeader, String authKey, String url) {
    }

    @GetMapping
    ConnectionResponse get(@AuthenticationPrincipal Actor actor) {
        return ConnectionResponse.of(connections.status(actor.organizationId()), null);
    }

    @PutMapping
    ConnectionResponse link(@AuthenticationPrincipal Actor actor, @RequestBody LinkRequest request) {
        LinkOutcome outcome = connections.link(actor, request.clientDomain(), request.apiKey());
        return ConnectionResponse.of(outcome.connection(), outcome.newWebhookSecret());
    }

    @PostMapping("/test")
    ConnectionResponse test(@AuthenticationPrincipal Actor actor) {
        return ConnectionResponse.of(connections.test(actor), null);
    }

    @PostMapping("/webhook-secret")
    SecretResponse rotate(@AuthenticationPrincipal Actor actor) {
        WebhookSecret secret = connections.rotateWebhookSecret(actor);
        return new SecretResponse(secret.authHeader(), secret.authKey(), secret.url());
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unlink(@AuthenticationPrincipal Actor actor) {
        connections.unlink(actor);
    }
}
