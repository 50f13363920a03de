package org.rpmsync.reports;

import java.time.LocalDate;
import org.rpmsync.adherence.Adherence;
import org.rpmsync.adherence.Period;
import org.rpmsync.adherence.Schedule;
import org.rpmsync.audit.AuditEntry;
import org.rpmsync.audit.AuditLog;
import org.rpmsync.clients.Client;
import org.rpmsync.clients.ClientDirectory;
import org.rpmsync.organization.Actor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Practitioners edit a client's dosing schedule and explain missed doses, from the Reports tab. Audited. */
@Controller
class AdherenceChanges {

    private final ClientDirectory clients;
    private final Adherence adherence;
    private final AuditLog audit;

    AdherenceChanges(ClientDirectory clients, Adherence adherence, AuditLog audit) {
        this.clients = clients;
        this.adherence = adherence;
        this.audit = audit;
    }

    @PostMapping("/clients/{id}/reports/schedule")
    String schedule(@AuthenticationPrincipal Actor actor, @PathVariable String id, ScheduleForm form,
                    RedirectAttributes redirect) {
        Client client = ReportPage.find(clients, actor, id, "schedule");
        Schedule schedule = form.schedule().orElse(null);
        if (schedule == null) {
            redirect.addFlashAttribute("problem",
                    "Schedule not saved: use HH:mm times with AM before PM, and a window of 0 to 360 minutes.");
            redirect.addFlashAttribute("scheduleForm", form);
        } else {
            adherence.saveSchedule(actor.organizationId(), client.id(), schedule, actor.auditName());
            audit(actor, client, "ADHERENCE_SCHEDULE_CHANGED", "AM " + schedule.am() + ", PM " + schedule.pm()
                    + ", ±" + schedule.windowMinutes() + " min");
            redirect.addFlashAttribute("flash", "Schedule saved. Adherence is rescored with it.");
        }
        return "redirect:/clients/" + client.id() + "/reports#adherence";
    }

    @PostMapping("/clients/{id}/reports/reasons")
    String reason(@AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestParam String date,
                  @RequestParam String period, @RequestParam String reason, RedirectAttributes redirect) {
        Client client = ReportPage.find(clients, actor, id, "adherence reason");
        LocalDate day = parse(date);
        String text = reason == null ? "" : reason.strip();
        if (day == null || !("AM".equals(period) || "PM".equals(period)) || text.isEmpty() || text.length() > 500) {
            redirect.addFlashAttribute("problem", "Reason not saved: write a reason of up to 500 characters.");
        } else {
            adherence.explainMissed(actor.organizationId(), client.id(), day, Period.valueOf(period), text,
                    actor.auditName());
            audit(actor, client, "ADHERENCE_REASON_NOTED", day + " " + period);
            redirect.addFlashAttribute("flash", "Reason saved for " + day + " " + period + ".");
        }
        return "redirect:/clients/" + client.id() + "/reports#adherence";
    }

    private void audit(Actor actor, Client client, String action, String detail) {
        audit.record(AuditEntry.success(actor.organizationId().value(), actor.auditName(), action, "client",
                client.id().toString()).withDetail(detail));
    }

    /** A local date in the years that can hold readings, else null (the form then says what is wrong). */
    private static LocalDate parse(String date) {
        LocalDate day = date == null ? null : ReportRange.parse(date);
        return day != null && ReportRange.storable(day) ? day : null;
    }
}
