package org.rpmsync.reports;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.rpmsync.adherence.Adherence;
import org.rpmsync.adherence.Period;
import org.rpmsync.adherence.Schedule;
import org.rpmsync.audit.AuditEntry;
import org.rpmsync.audit.AuditLog;
import org.rpmsync.clients.Client;
import org.rpmsync.clients.ClientDirectory;
import org.rpmsync.measurements.Reading;
import org.rpmsync.organization.Actor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Practitioners edit a client's dosing schedule and explain missed doses, from the Reports tab's adherence card.
 * An htmx post gets the card back, rescored, with the message beside the form that was sent; a plain post is
 * redirected to the card with the same message. Audited.
 */
@Controller
class AdherenceChanges {

    private static final String CARD = "reports/partials/adherence :: card";
    private final ClientDirectory clients;
    private final Adherence adherence;
    private final AdherenceCard card;
    private final AuditLog audit;

    AdherenceChanges(ClientDirectory clients, Adherence adherence, AdherenceCard card, AuditLog audit) {
        this.clients = clients;
        this.adherence = adherence;
        this.card = card;
        this.audit = audit;
    }

    @PostMapping("/clients/{id}/reports/schedule")
    String schedule(@AuthenticationPrincipal Actor actor, @PathVariable String id, ScheduleForm form,
                    ReportForm report, @RequestHeader(value = "HX-Request", required = false) String htmx,
                    Model model, RedirectAttributes redirect) {
        Client client = ReportPage.find(clients, actor, id, "schedule");
        Schedule schedule = form.schedule().orElse(null);
        BiConsumer<String, Object> answer = htmx != null ? model::addAttribute : redirect::addFlashAttribute;
        if (schedule == null) {
            answer.accept("scheduleProblem", form.problem());
            answer.accept("scheduleForm", form);
        } else {
            adherence.saveSchedule(actor.organizationId(), client.id(), schedule, actor.auditName());
            audit(actor, client, "ADHERENCE_SCHEDULE_CHANGED", "AM " + schedule.am() + ", PM " + schedule.pm()
                    + ", ±" + schedule.windowMinutes() + " min");
            answer.accept("scheduleSaved", "Schedule saved: AM " + schedule.am() + ", PM " + schedule.pm()
                    + ", ±" + schedule.windowMinutes() + " minutes. Adherence is rescored with it.");
        }
        return answer(actor, client, report, htmx, model, redirect);
    }

    @PostMapping("/clients/{id}/reports/reasons")
    String reason(@AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestParam String date,
                  @RequestParam String period, @RequestParam(required = false) String reason, ReportForm report,
                  @RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
                  RedirectAttributes redirect) {
        Client client = ReportPage.find(clients, actor, id, "adherence reason");
        LocalDate day = parse(date);
        String text = reason == null ? "" : reason.strip();
        BiConsumer<String, Object> answer = htmx != null ? model::addAttribute : redirect::addFlashAttribute;
        answer.accept("reasonSlot", date + " " + period);
        if (day == null || !("AM".equals(period) || "PM".equals(period))) {
            answer.accept("reasonProblem", "Not saved: that dose does not exist.");
        } else if (text.isEmpty() || text.length() > 500) {
            answer.accept("reasonProblem", "Not saved: write a reason of 1 to 500 characters.");
            answer.accept("reasonText", text);
        } else {
            adherence.explainMissed(actor.organizationId(), client.id(), day, Period.valueOf(period), text,
                    actor.auditName());
            audit(actor, client, "ADHERENCE_REASON_NOTED", day + " " + period);
            answer.accept("reasonSaved", "Saved.");
        }
        return answer(actor, client, report, htmx, model, redirect);
    }

    private String answer(Actor actor, Client client, ReportForm report, String htmx, Model model,
                          RedirectAttributes redirect) {
        if (htmx != null) {
            card.addTo(model, actor, client, report);
            return CARD;
        }
        return "redirect:" + UriComponentsBuilder.fromPath("/clients/{id}/reports").queryParam("q", "medication")
                .queryParam("range", report.range()).queryParamIfPresent("from", Optional.ofNullable(report.from()))
                .queryParamIfPresent("to", Optional.ofNullable(report.to())).fragment("adherence")
                .buildAndExpand(client.id()).encode().toUriString();
    }

    private void audit(Actor actor, Client client, String action, String detail) {
        audit.record(AuditEntry.success(actor.organizationId().value(), actor.auditName(), action, "client",
                client.id().toString()).withDetail(detail));
    }

    /** A local date in the years that can hold readings, else null (the form then says what is wrong). */
    private static LocalDate parse(String date) {
        LocalDate day = date == null ? null : ReportRange.parse(date);
        return day != null && Reading.measurable(day) ? day : null;
    }

}
