package org.rpmsync.alerts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rpmsync.clients.Client;
import org.rpmsync.clients.ClientDirectory;
import org.rpmsync.clients.ClientId;
import org.rpmsync.organization.Actor;
import org.rpmsync.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Spec §7 alerts: {@code GET /api/v1/alerts} (newest first, keyset cursor) and acknowledging one. */
@RestController
class AlertApi {

    private final Alerts alerts;
    private final ClientDirectory clients;

    AlertApi(Alerts alerts, ClientDirectory clients) {
        this.alerts = alerts;
        this.clients = clients;
    }

    record Acknowledgement(String note, Integer minutes) {
    }

    @GetMapping("/api/v1/alerts")
    Map<String, Object> list(@AuthenticationPrincipal Actor actor,
                             @RequestParam(defaultValue = "open") String status,
                             @RequestParam(required = false) String userId,
                             @RequestParam(required = false) String severity,
                             @RequestParam(required = false) String cursor,
                             @RequestParam(defaultValue = "50") int limit) {
        if (!List.of("open", "acknowledged", "all").contains(status)) {
            throw ApiProblem.invalid("status", "must be open, acknowledged or all");
        }
        Severity level = severity == null ? null : switch (severity) {
            case "warning" -> Severity.WARNING;
            case "critical" -> Severity.CRITICAL;
            default -> throw ApiProblem.invalid("severity", "must be warning or critical");
        };
        UUID client = userId == null ? null : ClientId.parse(userId).map(ClientId::value)
                .orElseThrow(() -> ApiProblem.invalid("userId", "must be a user id"));
        if (limit < 1 || limit > 200) {
            throw ApiProblem.invalid("limit", "must be 1 to 200");
        }
        String[] after = cursor == null ? null : decode(cursor);
        List<Alert> page = alerts.list(actor.organizationId(), status, client, level,
                after == null ? null : Instant.parse(after[0]), after == null ? null : UUID.fromString(after[1]),
                limit + 1);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.stream().limit(limit).map(AlertApi::json).toList());
        Alert last = page.size() > limit ? page.get(limit - 1) : null;
        body.put("nextCursor", last == null ? null : Base64.getUrlEncoder().withoutPadding()
                .encodeToString((last.openedAt() + "|" + last.id()).getBytes(StandardCharsets.UTF_8)));
        return body;
    }

    @PostMapping("/api/v1/alerts/{id}/acknowledge")
    Map<String, Object> acknowledge(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                                    @RequestBody(required = false) Acknowledgement body) {
        Acknowledgement ack = body == null ? new Acknowledgement(null, null) : body;
        Alert alert = parse(id).flatMap(a -> alerts.find(actor.organizationId(), a))
                .orElseThrow(() -> ApiProblem.notFound("Alert"));
        CareNote.validate(ack.note(), ack.minutes());
        Client client = clients.find(actor.organizationId(), ClientId.of(alert.clientId()))
                .orElseThrow(() -> ApiProblem.notFound("Alert"));
        return alerts.acknowledge(actor.organizationId(), actor, alert, client, CareNote.clean(ack.note()),
                        ack.minutes())
                .map(AlertApi::json)
                .orElseThrow(() -> new ApiProblem(HttpStatus.CONFLICT, "already_acknowledged",
                        "This alert was acknowledged already."));
    }

    static Map<String, Object> json(Alert a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("userId", a.clientId());
        m.put("rule", a.rule().code());
        m.put("severity", a.severity().code());
        m.put("status", a.status());
        m.put("openedAt", a.openedAt());
        m.put("measurementId", a.measurementId());
        m.put("measuredAt", a.measuredAt());
        m.put("value", a.value());
        m.put("late", a.late());
        m.put("count", a.count());
        m.put("acknowledgedAt", a.acknowledgedAt());
        m.put("acknowledgedBy", a.acknowledgedBy());
        m.put("note", a.note());
        m.put("minutes", a.minutes());
        return m;
    }

    private static java.util.Optional<UUID> parse(String id) {
        try {
            return java.util.Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    private static String[] decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            Instant.parse(parts[0]);
            UUID.fromString(parts[1]);
            return parts;
        } catch (RuntimeException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_cursor", "The cursor is not one this API gave.");
        }
    }
}
