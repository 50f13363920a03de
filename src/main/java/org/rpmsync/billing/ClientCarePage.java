package org.rpmsync.billing;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import org.rpmsync.alerts.CareNote;
import org.rpmsync.clients.Client;
import org.rpmsync.clients.ClientDirectory;
import org.rpmsync.organization.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The care card's forms on the client's Reports: log care time, correct or delete one's own entry of this month.
 * Back to the card with a message; refused input comes back beside the form with what was typed.
 */
@Controller
class ClientCarePage {

    private final CareTime careTime;
    private final ClientDirectory clients;

    ClientCarePage(CareTime careTime, ClientDirectory clients) {
        this.careTime = careTime;
        this.clients = clients;
    }

    @PostMapping("/clients/{id}/care-time")
    String log(@AuthenticationPrincipal Actor actor, @PathVariable String id,
               @RequestParam(required = false) String minutes,
               @RequestParam(required = false) String note, @RequestParam(required = false) String date,
               RedirectAttributes redirect) {
        Client client = client(actor, id);
        LocalDate today = LocalDate.now(client.timeZone());
        Optional<LocalDate> day = date == null || date.isBlank() ? Optional.of(today) : parse(date);
        String problem = problem(minutes, note);
        if (problem == null && (day.isEmpty() || day.get().isAfter(today))) {
            problem = "Not logged: the date must be a day up to today (the client's local date).";
        }
        if (problem != null) {
            redirect.addFlashAttribute("careProblem", problem);
            redirect.addFlashAttribute("careTyped", new String[] {minutes, note, date});
            return back(client);
        }
        careTime.log(actor.organizationId(), actor, client, day.get(), Integer.parseInt(minutes.strip()),
                CareNote.clean(note), null);
        redirect.addFlashAttribute("careMessage", minutes.strip() + " minutes logged on " + day.get() + ".");
        return back(client);
    }

    @PostMapping("/clients/{id}/care-time/{entryId}")
    String change(@AuthenticationPrincipal Actor actor, @PathVariable String id, @PathVariable String entryId,
                  @RequestParam(required = false) String minutes, @RequestParam(required = false) String note,
                  @RequestParam(required = false) String delete, RedirectAttributes redirect) {
        Client client = client(actor, id);
        CareTime.Entry entry = entry(actor, client, entryId);
        String problem = delete != null ? null : problem(minutes, note);
        try {
            if (problem == null && delete != null) {
                careTime.delete(actor.organizationId(), actor, client, entry);
                redirect.addFlashAttribute("careMessage", "Entry of " + entry.minutes() + " minutes on "
                        + entry.date() + " deleted.");
            } else if (problem == null) {
                careTime.update(actor.organizationId(), actor, client, entry, Integer.parseInt(minutes.strip()),
                        CareNote.clean(note));
                redirect.addFlashAttribute("careMessage", "Entry of " + entry.date() + " changed to "
                        + minutes.strip() + " minutes.");
            }
        } catch (CareTime.Refused e) {
            problem = "Not changed: " + e.getMessage();
        }
        if (problem != null) {
            redirect.addFlashAttribute("careProblem", problem);
            redirect.addFlashAttribute("careProblemEntry", entry.id());
        }
        return back(client);
    }

    private static String problem(String minutes, String note) {
        Integer m = null;
        try {
            m = minutes == null ? null : Integer.valueOf(minutes.strip());
        } catch (NumberFormatException e) {
            // refused below
        }
        if (m == null || m < 0 || m > CareNote.MAX_MINUTES) {
            return "Not saved: minutes must be a whole number from 0 to " + CareNote.MAX_MINUTES + ".";
        }
        if (note != null && note.strip().length() > 1000) {
            return "Not saved: the note can be at most 1,000 characters.";
        }
        return null;
    }

    private static String back(Client client) {
        return "redirect:/clients/" + client.id() + "/reports#care";
    }

    private static Optional<LocalDate> parse(String date) {
        try {
            return Optional.of(LocalDate.parse(date.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private Client client(Actor actor, String id) {
        return clients.view(actor.organizationId(), actor, id, "care time")
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private CareTime.Entry entry(Actor actor, Client client, String entryId) {
        try {
            return careTime.find(actor.organizationId(), client.id().value(), UUID.fromString(entryId))
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
