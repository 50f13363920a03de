package org.rpmsync.dataapi;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rpmsync.adherence.Adherence;
import org.rpmsync.adherence.Schedule;
import org.rpmsync.adherence.Scorecard;
import org.rpmsync.adherence.SlotStatus;
import org.rpmsync.clients.Client;
import org.rpmsync.clients.ClientDirectory;
import org.rpmsync.organization.Actor;
import org.rpmsync.web.ApiProblem;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/users/{id}/adherence?from=&to=} (spec §5): local dates, inclusive, default the last 7 days,
 * at most 366 days. Slots exist only for the days the client was monitored with a PillBox ({@code monitoredSince}
 * to {@code monitoredUntil}, null while still monitored); {@code percent} is taken at all (on time or late) over
 * {@code due} doses, null when none was due; raw and adjudicated side by side. Audited.
 */
@RestController
class AdherenceApi {

    private final ClientDirectory clients;
    private final Adherence adherence;

    AdherenceApi(ClientDirectory clients, Adherence adherence) {
        this.clients = clients;
        this.adherence = adherence;
    }

    @GetMapping("/api/v1/users/{id}/adherence")
    Map<String, Object> adherence(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                                  @RequestParam(required = false) String from,
                                  @RequestParam(required = false) String to) {
        Client client = ApiParameters.client(clients, actor, id, "adherence api");
        LocalDate today = LocalDate.now(client.timeZone());
        LocalDate end = date("to", to, today);
        LocalDate start = date("from", from, end.minusDays(6));
        if (start.isAfter(end) || start.plusDays(366).isBefore(end)) {
            throw ApiProblem.invalid("from", "must be on or before to, at most 366 days apart");
        }
        Scorecard card = adherence.scorecard(actor.organizationId(), client, start, end, Instant.now());
        Schedule s = card.schedule();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schedule", Map.of("am", s.am().toString(), "pm", s.pm().toString(),
                "windowMinutes", s.windowMinutes(), "timeZone", client.timeZone().getId()));
        body.put("from", start.toString());
        body.put("to", end.toString());
        body.put("monitoredSince", card.monitoredSince() == null ? null : card.monitoredSince().toString());
        body.put("monitoredUntil", card.monitoredUntil() == null ? null : card.monitoredUntil().toString());
        body.put("due", card.due());
        body.put("percent", card.percentTaken());
        body.put("percentOnTime", card.percentOnTime());
        body.put("adjudicatedPercent", card.percentTakenAdjudicated());
        body.put("adjudicatedPercentOnTime", card.percentOnTimeAdjudicated());
        body.put("taken", card.count(SlotStatus.TAKEN));
        body.put("late", card.count(SlotStatus.LATE));
        body.put("missed", card.count(SlotStatus.MISSED));
        body.put("wrongCompartment", card.count(SlotStatus.WRONG_COMPARTMENT));
        body.put("notYetDue", card.count(SlotStatus.NOT_YET_DUE));
        body.put("notMonitored", card.count(SlotStatus.NOT_MONITORED));
        body.put("excused", card.excused());
        body.put("slots", card.slots().stream().map(slot -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("date", slot.date().toString());
            m.put("period", slot.period().name());
            m.put("status", slot.status().code());
            m.put("openedAt", slot.opening() == null ? null : slot.opening().at().toString());
            m.put("compartment", slot.opening() == null ? null : slot.opening().compartment());
            m.put("reason", slot.reason());
            return m;
        }).toList());
        body.put("extras", card.extras().stream().map(o -> Map.of("openedAt", o.at().toString(),
                "compartment", o.compartment())).toList());
        return body;
    }

    private static LocalDate date(String field, String text, LocalDate fallback) {
        return text == null || text.isBlank() ? fallback : ApiParameters.date(field, text);
    }
}
