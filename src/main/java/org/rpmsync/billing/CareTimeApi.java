package org.rpmsync.billing;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.rpmsync.alerts.CareNote;
import org.rpmsync.clients.Client;
import org.rpmsync.clients.ClientDirectory;
import org.rpmsync.organization.Actor;
import org.rpmsync.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Spec §7 care time: log minutes on a client; list a month's entries; correct or delete one's own this month. */
@RestController
class CareTimeApi {

    private final CareTime careTime;
    private final ClientDirectory clients;

    CareTimeApi(CareTime careTime, ClientDirectory clients) {
        this.careTime = careTime;
        this.clients = clients;
    }

    record CareTimeRequest(Integer minutes, String note, String date) {
    }

    @PostMapping("/api/v1/users/{id}/care-time")
    ResponseEntity<Map<String, Object>> log(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                                            @RequestBody CareTimeRequest body) {
        Client client = client(actor, id);
        required(body);
        LocalDate today = LocalDate.now(client.timeZone());
        LocalDate date = body.date() == null || body.date().isBlank() ? today : date(body.date());
        if (date.isAfter(today)) {
            throw ApiProblem.invalid("date", "must not be in the future (the client's local date)");
        }
        CareTime.Entry entry = careTime.log(actor.organizationId(), actor, client, date, body.minutes(),
                CareNote.clean(body.note()), null);
        return ResponseEntity.status(HttpStatus.CREATED).body(json(entry));
    }

    @GetMapping("/api/v1/users/{id}/care-time")
    Map<String, Object> list(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                             @RequestParam(required = false) String month) {
        Client client = client(actor, id);
        YearMonth m = month == null ? YearMonth.now(client.timeZone()) : RpmDaysApi.month(month);
        return Map.of("items", careTime.entries(actor.organizationId(), client.id().value(), m).stream()
                .map(CareTimeApi::json).toList());
    }

    @PutMapping("/api/v1/users/{id}/care-time/{entryId}")
    Map<String, Object> update(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                               @PathVariable String entryId, @RequestBody CareTimeRequest body) {
        Client client = client(actor, id);
        CareTime.Entry entry = entry(actor, client, entryId);
        required(body);
        if (body.date() != null && !body.date().isBlank() && !date(body.date()).equals(entry.date())) {
            throw ApiProblem.invalid("date", "cannot be changed; delete the entry and log it on the other day");
        }
        try {
            return json(careTime.update(actor.organizationId(), actor, client, entry, body.minutes(),
                    CareNote.clean(body.note())));
        } catch (CareTime.Refused e) {
            throw refused(e);
        }
    }

    @DeleteMapping("/api/v1/users/{id}/care-time/{entryId}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                                @PathVariable String entryId) {
        Client client = client(actor, id);
        try {
            careTime.delete(actor.organizationId(), actor, client, entry(actor, client, entryId));
        } catch (CareTime.Refused e) {
            throw refused(e);
        }
        return ResponseEntity.noContent().build();
    }

    private static void required(CareTimeRequest body) {
        if (body == null || body.minutes() == null) {
            throw ApiProblem.invalid("minutes", "is required (0 to " + CareNote.MAX_MINUTES + ")");
        }
        CareNote.validate(body.note(), body.minutes());
    }

    private static ApiProblem refused(CareTime.Refused e) {
        return new ApiProblem("not_your_entry".equals(e.code()) ? HttpStatus.FORBIDDEN : HttpStatus.CONFLICT,
                e.code(), e.getMessage());
    }

    private Client client(Actor actor, String id) {
        return clients.view(actor.organizationId(), actor, id, "care api")
                .orElseThrow(() -> ApiProblem.notFound("User"));
    }

    private CareTime.Entry entry(Actor actor, Client client, String entryId) {
        try {
            return careTime.find(actor.organizationId(), client.id().value(), UUID.fromString(entryId))
                    .orElseThrow(() -> ApiProblem.notFound("Care-time entry"));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound("Care-time entry");
        }
    }

    static Map<String, Object> json(CareTime.Entry entry) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", entry.id());
        m.put("userId", entry.clientId());
        m.put("date", entry.date().toString());
        m.put("minutes", entry.minutes());
        m.put("note", entry.note() == null ? "" : entry.note());
        m.put("alertId", entry.alertId());
        m.put("loggedBy", entry.by());
        m.put("loggedAt", entry.at());
        return m;
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid("date", "must be a date (yyyy-MM-dd)");
        }
    }
}
