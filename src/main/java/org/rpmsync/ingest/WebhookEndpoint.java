package org.rpmsync.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import org.rpmsync.organization.OrganizationId;
import org.rpmsync.tenovi.TenoviConnections;
import org.rpmsync.tenovi.WebhookVerdict;
import org.rpmsync.web.ApiProblem;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/tenovi/{webhookKey}}: checks the secret, caps the body while reading it, commits the raw
 * delivery to the inbox (a {@link GroupCommit} with concurrent deliveries) and only then answers 202. Processing
 * happens afterwards. When the database cannot take the delivery, or {@link DeliveriesInFlight} are already being
 * received, the answer is 503 with Retry-After — never a 2xx for something that was not stored. The body is
 * decoded by JSON's rules ({@link JsonText}: UTF-8/16/32, with or without a byte-order mark) and stored as text;
 * bytes that are not text in their encoding get 400, a non-Unicode charset 415.
 */
@RestController
class WebhookEndpoint {

    private final TenoviConnections connections;
    private final GroupCommit inbox;
    private final DeliveriesInFlight inFlight;
    private final InboxWorker worker;
    private final DeliveryRateLimit rateLimit;
    private final IngestSettings settings;
    private final MeterRegistry meters;

    WebhookEndpoint(TenoviConnections connections, GroupCommit inbox, DeliveriesInFlight inFlight, InboxWorker worker,
                    DeliveryRateLimit rateLimit, IngestSettings settings, MeterRegistry meters) {
        this.connections = connections;
        this.inbox = inbox;
        this.inFlight = inFlight;
        this.worker = worker;
        this.rateLimit = rateLimit;
        this.settings = settings;
        this.meters = meters;
    }

    @PostMapping("/webhooks/tenovi/{webhookKey}")
    ResponseEntity<?> receive(@PathVariable String webhookKey, HttpServletRequest request) throws IOException {
        Instant receivedAt = Instant.now();
        if (!inFlight.enter()) {
            return answer("busy", problem(HttpStatus.SERVICE_UNAVAILABLE, "busy",
                    "We are receiving more deliveries than we can store right now. Retry after 1 s."), "1");
        }
        try {
            return receive(webhookKey, request, receivedAt);
        } finally {
            inFlight.leave();
        }
    }

    private ResponseEntity<?> receive(String webhookKey, HttpServletRequest request, Instant receivedAt)
            throws IOException {
        if (!rateLimit.allow(webhookKey)) {
            return answer("rate_limited", problem(HttpStatus.TOO_MANY_REQUESTS, "rate_limited",
                    "Too many deliveries for this webhook. Retry after 1 s."), "1");
        }
        try {
            WebhookVerdict verdict = connections.judgeWebhook(webhookKey, request::getHeader);
            if (!verdict.accepted()) {
                verdict.owner().ifPresent(connections::webhookRefused);
                return answer("refused", problem(HttpStatus.UNAUTHORIZED, "unauthorized",
                        "Missing or wrong webhook secret, or unknown webhook."), null);
            }
            byte[] body = readCapped(request);
            if (body == null) {
                return answer("too_large", problem(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large",
                        "The body is larger than " + settings.maxBodyBytes() + " bytes."), null);
            }
            String text;
            try {
                text = JsonText.decode(body, request.getContentType());
            } catch (JsonText.Refused e) {
                return e.unsupported()
                        ? answer("unsupported", problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                                e.getMessage()), null)
                        : answer("malformed", problem(HttpStatus.BAD_REQUEST, "malformed_payload", e.getMessage()), null);
            }
            if (!JsonShape.objectOrArray(text)) {
                return answer("malformed", problem(HttpStatus.BAD_REQUEST, "malformed_payload",
                        "The body must be a JSON object or an array of them."), null);
            }
            OrganizationId organization = verdict.owner().orElseThrow();
            long id = inbox.store(new Inbox.NewDelivery(organization, text, receivedAt,
                    request.getContentType(), request.getHeader(HttpHeaders.USER_AGENT)));
            worker.nudge();
            return answer("accepted", ResponseEntity.accepted().body(Map.of("status", "accepted", "id", id)), null);
        } catch (DataAccessException e) {
            return answer("unavailable", problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
                    "We cannot store deliveries right now. Please retry."), "2");
        }
    }

    /** The body, or null when it is longer than the cap: never reads more than the cap plus one byte. */
    private byte[] readCapped(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > settings.maxBodyBytes()) {
            return null;
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(settings.maxBodyBytes() + 1);
            return body.length > settings.maxBodyBytes() ? null : body;
        }
    }

    private ResponseEntity<?> answer(String outcome, ResponseEntity<?> response, String retryAfter) {
        meters.counter("rpmsync.webhook.deliveries", "outcome", outcome).increment();
        if (retryAfter == null) {
            return response;
        }
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, retryAfter).body(response.getBody());
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail) {
        return new ApiProblem(status, code, detail).response();
    }
}
