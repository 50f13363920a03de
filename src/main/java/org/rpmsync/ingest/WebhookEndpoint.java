package org.rpmsync.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.rpmsync.organization.OrganizationId;
import org.rpmsync.integrations.TenoviConnections;
import org.rpmsync.integrations.WebhookVerdict;
import org.rpmsync.web.ErrorAnswers;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * {@code POST /webhooks/tenovi/{webhookKey}}: checks the secret, caps the body while reading it, commits the raw
 * delivery to the inbox (a {@link GroupCommit} with concurrent deliveries) and only then answers 202. Processing
 * happens afterwards. When the database cannot take the delivery, or {@link DeliveriesInFlight} are already being
 * received, the answer is 503 with Retry-After — never a 2xx for something that was not stored. The body is
 * decoded by JSON's rules ({@link JsonText}: UTF-8/16/32, with or without a byte-order mark) and stored as text;
 * bytes that are not text in their encoding get 400, a non-Unicode charset 415.
 * <p>
 * Not an annotated controller, and not behind the generic filters: {@link WebhookFront} hands it the request (see
 * there why). It writes its answers itself.
 */
@Component
class WebhookEndpoint {

    static final String PATH = "/webhooks/tenovi/";

    private final TenoviConnections connections;
    private final GroupCommit inbox;
    private final DeliveriesInFlight inFlight;
    private final InboxWorker worker;
    private final DeliveryRateLimit rateLimit;
    private final IngestSettings settings;
    private final MeterRegistry meters;
    private final Map<String, Counter> outcomes = new ConcurrentHashMap<>();

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

    /** Answers a request for {@code webhookKey} (one path segment after {@link #PATH}). */
    void receive(String webhookKey, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Instant receivedAt = Instant.now();
        if (!"POST".equals(request.getMethod())) {
            response.setHeader(HttpHeaders.ALLOW, "POST");
            problem(response, "method_not_allowed", 405, "method_not_allowed", request.getMethod() + " is not allowed here.", null);
            return;
        }
        if (!inFlight.enter()) {
            problem(response, "busy", 503, "busy",
                    "We are receiving more deliveries than we can store right now. Retry after 1 s.", "1");
            return;
        }
        try {
            receive(webhookKey, request, response, receivedAt);
        } finally {
            inFlight.leave();
        }
    }

    private void receive(String webhookKey, HttpServletRequest request, HttpServletResponse response,
                         Instant receivedAt) throws IOException {
        if (!rateLimit.allow(webhookKey)) {
            problem(response, "rate_limited", 429, "rate_limited", "Too many deliveries for this webhook. Retry after 1 s.", "1");
            return;
        }
        try {
            WebhookVerdict verdict = connections.judgeWebhook(webhookKey, request::getHeader);
            if (!verdict.accepted()) {
                verdict.owner().ifPresent(connections::webhookRefused);
                problem(response, "refused", 401, "unauthorized",
                        "Missing or wrong webhook secret, or unknown webhook.", null);
                return;
            }
            byte[] body = readCapped(request);
            if (body == null) {
                problem(response, "too_large", 413, "payload_too_large", "The body is larger than " + settings.maxBodyBytes() + " bytes.", null);
                return;
            }
            String text;
            try {
                text = JsonText.decode(body, request.getContentType());
            } catch (JsonText.Refused e) {
                if (e.unsupported()) {
                    problem(response, "unsupported", 415, "unsupported_media_type", e.getMessage(), null);
                } else {
                    problem(response, "malformed", 400, "malformed_payload", e.getMessage(), null);
                }
                return;
            }
            if (!JsonShape.objectOrArray(text)) {
                problem(response, "malformed", 400, "malformed_payload", "The body must be a JSON object or an array of them.", null);
                return;
            }
            OrganizationId organization = verdict.owner().orElseThrow();
            long id = inbox.store(new Inbox.NewDelivery(organization, text, receivedAt,
                    request.getContentType(), request.getHeader(HttpHeaders.USER_AGENT)));
            worker.nudge(id);
            count("accepted");
            write(response, 202, "{\"status\":\"accepted\",\"id\":" + id + "}", null, false);
        } catch (RuntimeException e) {
            if (!(e instanceof DataAccessException) && !ErrorAnswers.databaseUnavailable(e)) {
                throw e;
            }
            problem(response, "unavailable", 503, "unavailable", "We cannot store deliveries right now. Please retry.",
                    ErrorAnswers.RETRY_AFTER_SECONDS);
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

    private void problem(HttpServletResponse response, String outcome, int status, String code, String detail,
                         String retryAfter) throws IOException {
        count(outcome);
        write(response, status, ErrorAnswers.problemJson(status, code, detail), retryAfter, true);
    }

    private void count(String outcome) {
        outcomes.computeIfAbsent(outcome, o -> meters.counter("rpmsync.webhook.deliveries", "outcome", o)).increment();
    }

    private static void write(HttpServletResponse response, int status, String json, String retryAfter,
                              boolean problem) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        if (retryAfter != null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        response.setContentType(problem ? "application/problem+json" : "application/json");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
