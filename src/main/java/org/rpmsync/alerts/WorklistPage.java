package org.rpmsync.alerts;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.rpmsync.clients.Client;
import org.rpmsync.clients.ClientDirectory;
import org.rpmsync.clients.ClientId;
import org.rpmsync.organization.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Needs attention: the organization's open alerts, critical first, then newest; filter by severity and client;
 * acknowledge inline with a note and minutes (htmx swaps the alert's own row).
 */
@Controller
class WorklistPage {

    static final int ROWS = 200;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ENGLISH);
    private final Alerts alerts;
    private final ClientDirectory clients;

    WorklistPage(Alerts alerts, ClientDirectory clients) {
        this.alerts = alerts;
        this.clients = clients;
    }

    /** An alert as the worklist shows it: the client's name and the reading's time in the client's zone. */
    record Row(Alert alert, String client, String measuredAt, String problem) {

        public String rowId() {
            return "alert-" + alert.id();
        }
    }

    @GetMapping("/organization/attention")
    String show(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String severity,
                @RequestParam(required = false) String client, Model model) {
        Severity level = "critical".equals(severity) ? Severity.CRITICAL
                : "warning".equals(severity) ? Severity.WARNING : null;
        UUID only = client == null ? null : ClientId.parse(client).map(ClientId::value).orElse(null);
        List<Alert> open = alerts.worklist(actor.organizationId(), level, only, ROWS);
        Map<UUID, Client> byId = clients.findAll(actor.organizationId(),
                open.stream().map(Alert::clientId).collect(Collectors.toSet()));
        model.addAttribute("rows", open.stream().filter(a -> byId.containsKey(a.clientId()))
                .map(a -> row(a, byId.get(a.clientId()), null)).toList());
        model.addAttribute("severity", level == null ? "" : level.code());
        model.addAttribute("clientFilter", only == null ? null : byId.get(only));
        return "alerts/attention";
    }

    @PostMapping("/organization/attention/{id}/acknowledge")
    String acknowledge(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                       @RequestParam(required = false) String note, @RequestParam(required = false) String minutes,
                       Model model) {
        Alert alert = parse(id).flatMap(a -> alerts.find(actor.organizationId(), a))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Client client = clients.find(actor.organizationId(), ClientId.of(alert.clientId()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Integer mins = minutes(minutes);
        String text = note == null ? "" : note.strip();
        if ((minutes != null && !minutes.isBlank() && mins == null) || text.length() > 1000) {
            model.addAttribute("row", row(alert, client, text.length() > 1000
                    ? "Not acknowledged: the note can be at most 1,000 characters."
                    : "Not acknowledged: minutes must be a whole number from 0 to 240."));
            return "alerts/partials/alert-row :: row";
        }
        Alert done = alerts.acknowledge(actor.organizationId(), actor, alert, client, text.isEmpty() ? null : text, mins)
                .orElse(alert);
        model.addAttribute("row", row(alerts.find(actor.organizationId(), done.id()).orElse(done), client, null));
        return "alerts/partials/alert-row :: row";
    }

    private static Row row(Alert a, Client client, String problem) {
        ZoneId zone = client.timeZone();
        return new Row(a, client.lastName() + ", " + client.firstName(), LOCAL.format(a.measuredAt().atZone(zone)),
                problem);
    }

    private static Integer minutes(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            int m = Integer.parseInt(text.strip());
            return m >= 0 && m <= CareNote.MAX_MINUTES ? m : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
