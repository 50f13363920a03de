package org.rpmsync.billing;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rpmsync.clients.Client;
import org.rpmsync.clients.ClientDirectory;
import org.rpmsync.organization.Actor;
import org.rpmsync.organization.ClinicTime;
import org.rpmsync.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Spec §7 RPM months: one client's, and every monitored client's (by user id, keyset cursor). */
@RestController
class RpmDaysApi {

    private final RpmMonths months;
    private final ClientDirectory clients;
    private final ClinicTime clinicTime;

    RpmDaysApi(RpmMonths months, ClientDirectory clients, ClinicTime clinicTime) {
        this.clinicTime = clinicTime;
        this.months = months;
        this.clients = clients;
    }

    @GetMapping("/api/v1/users/{id}/rpm-days")
    Map<String, Object> client(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                               @RequestParam(required = false) String month) {
        Client client = clients.view(actor.organizationId(), actor, id, "rpm days")
                .orElseThrow(() -> ApiProblem.notFound("User"));
        YearMonth m = month == null ? YearMonth.now(client.timeZone()) : month(month);
        return json(months.month(actor.organizationId(), client, m), false);
    }

    @GetMapping("/api/v1/rpm-days")
    Map<String, Object> organization(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String month,
                                     @RequestParam(required = false) String cursor,
                                     @RequestParam(defaultValue = "100") int limit) {
        YearMonth m = month == null ? YearMonth.now(clinicTime.zone(actor.organizationId())) : month(month);
        if (limit < 1 || limit > 1000) {
            throw ApiProblem.invalid("limit", "must be 1 to 1000");
        }
        String after = cursor == null ? null : decode(cursor);
        List<RpmMonth> page = months.organization(actor.organizationId(), m).stream().map(RpmMonths.Monitored::month)
                .filter(r -> after == null || r.clientId().toString().compareTo(after) > 0)
                .sorted(Comparator.comparing(r -> r.clientId().toString())).limit(limit + 1L).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.stream().limit(limit).map(r -> json(r, true)).toList());
        body.put("nextCursor", page.size() > limit ? Base64.getUrlEncoder().withoutPadding()
                .encodeToString(page.get(limit - 1).clientId().toString().getBytes(StandardCharsets.UTF_8)) : null);
        return body;
    }

    /** A month {@code YYYY-MM} from 2000 to 2100; 400 {@code invalid_input} otherwise. */
    static YearMonth month(String text) {
        try {
            YearMonth m = YearMonth.parse(text.strip());
            if (m.getYear() >= 2000 && m.getYear() <= 2100) {
                return m;
            }
        } catch (DateTimeParseException e) {
            // refused below
        }
        throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_input", "month: must be a month YYYY-MM (2000–2100)",
                List.of(new ApiProblem.FieldProblem("month", "must be a month YYYY-MM (2000–2100)")));
    }

    static Map<String, Object> json(RpmMonth r, boolean withUser) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (withUser) {
            m.put("userId", r.clientId());
        }
        m.put("month", r.month().toString());
        m.put("timeZone", r.timeZone().getId());
        m.put("daysWithData", r.daysWithData());
        m.put("dates", r.dates().stream().map(LocalDate::toString).toList());
        m.put("band", r.band());
        m.put("cptCode", r.cptCode());
        m.put("daysWithAnyData", r.daysWithAnyData());
        m.put("careMinutes", r.careMinutes());
        m.put("careCptCodes", r.careCptCodes());
        return m;
    }

    private static String decode(String cursor) {
        try {
            return UUID.fromString(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8))
                    .toString();
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_cursor", "The cursor is not one this API gave.");
        }
    }
}
