package org.rpmsync.reports;

import java.time.Instant;
import java.time.LocalDate;
import org.rpmsync.adherence.Adherence;
import org.rpmsync.adherence.Schedule;
import org.rpmsync.adherence.Scorecard;
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

    /**
     * Adds the card's model: the range scored by the one due-dose rule, at most its newest
     * {@link ReportRange#MAX_SCORED_DAYS} monitored days (bounded work and page size; the notice says so).
     * {@code scheduleForm} stays as given when a rejected schedule is shown again.
     */
    void addTo(Model model, Actor actor, Client client, ReportForm form) {
        LocalDate today = LocalDate.now(client.timeZone());
        ReportRange range = ReportRange.of(form.range(), form.from(), form.to(), today);
        LocalDate from = range.from() != null ? range.from() : Adherence.BEGINNING;
        LocalDate to = range.to() != null ? range.to() : today;
        Instant now = Instant.now();
        Scorecard card = adherence.scorecard(actor.organizationId(), client, from, to, now);
        LocalDate scoredFrom = ReportRange.scoredFrom(card.firstDay(), to);
        if (scoredFrom.isAfter(card.firstDay())) {
            model.addAttribute("rangeNotice", range.notice(scoredFrom, card.firstDay()));
            card = adherence.scorecard(actor.organizationId(), client, scoredFrom, to, now);
        }
        Schedule stored = adherence.schedule(actor.organizationId(), client.id());
        model.addAttribute("client", client);
        model.addAttribute("form", form);
        model.addAttribute("range", range);
        model.addAttribute("adherence", card);
        model.addAttribute("storedSchedule", stored);
        if (!model.containsAttribute("scheduleForm")) {
            model.addAttribute("scheduleForm", ScheduleForm.of(stored));
        }
    }
}
