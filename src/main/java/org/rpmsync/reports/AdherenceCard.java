package org.rpmsync.reports;

import java.time.Instant;
import java.time.LocalDate;
import org.rpmsync.adherence.Adherence;
import org.rpmsync.adherence.Schedule;
import org.rpmsync.clients.Client;
import org.rpmsync.organization.Actor;
import org.springframework.stereotype.Service;
import org.springframework.ui.Model;

/**
 * The model of the Reports tab's adherence card ({@code reports/partials/adherence :: card}) for a range: the
 * page renders it whole, the card's own forms re-render it in place after a save.
 */
@Service
class AdherenceCard {

    private final Adherence adherence;

    AdherenceCard(Adherence adherence) {
        this.adherence = adherence;
    }

    /** Adds the card's model; {@code scheduleForm} stays as given when a rejected schedule is shown again. */
    void addTo(Model model, Actor actor, Client client, ReportForm form) {
        LocalDate today = LocalDate.now(client.timeZone());
        ReportRange range = ReportRange.of(form.range(), form.from(), form.to(), today);
        LocalDate from = range.from() != null ? range.from() : Adherence.BEGINNING;
        LocalDate to = range.to() != null ? range.to() : today;
        Schedule stored = adherence.schedule(actor.organizationId(), client.id());
        model.addAttribute("client", client);
        model.addAttribute("form", form);
        model.addAttribute("range", range);
        model.addAttribute("adherence", adherence.scorecard(actor.organizationId(), client, from, to, Instant.now()));
        model.addAttribute("storedSchedule", stored);
        if (!model.containsAttribute("scheduleForm")) {
            model.addAttribute("scheduleForm", ScheduleForm.of(stored));
        }
    }
}
