package org.rpmsync.reports;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.rpmsync.billing.ClientCare;
import org.rpmsync.clients.Client;
import org.rpmsync.clients.ClientDirectory;
import org.rpmsync.organization.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** Client › Reports: search, range, adherence, Medication Device Data, the vitals sections and the care card. Audited. */
@Controller
class ReportPage {

    private final ClientDirectory clients;
    private final ClientReports reports;
    private final AdherenceCard adherence;
    private final ClientCare care;

    ReportPage(ClientDirectory clients, ClientReports reports, AdherenceCard adherence, ClientCare care) {
        this.clients = clients;
        this.care = care;
        this.reports = reports;
        this.adherence = adherence;
    }

    @GetMapping("/clients/{id}/reports")
    String reports(@AuthenticationPrincipal Actor actor, @PathVariable String id, ReportForm form,
                   @RequestParam(required = false) String rpmMonth, Model model) {
        Client client = find(clients, actor, id, "reports");
        LocalDate today = LocalDate.now(client.timeZone());
        ReportRange range = ReportRange.of(form.range(), form.from(), form.to(), today);
        List<ReportSection> sections = ReportSection.matching(form.q());
        model.addAttribute("client", client);
        model.addAttribute("form", form);
        model.addAttribute("range", range);
        model.addAttribute("sections", sections);
        model.addAttribute("rangeNotice", range.notice());
        if (sections.contains(ReportSection.MEDICATION)) {
            model.addAttribute("medication", reports.medication(actor.organizationId(), client, range,
                    form.pageNumber()));
            adherence.addTo(model, actor, client, form);
        }
        model.addAttribute("vitals", reports.vitals(actor.organizationId(), client, range, sections));
        model.addAttribute("care", care.view(actor.organizationId(), actor, client, month(rpmMonth, today)));
        return "reports/reports";
    }

    /** The RPM month the care card shows: the one asked for, else the client's current month. */
    private static YearMonth month(String text, LocalDate today) {
        try {
            return text == null || text.isBlank() ? YearMonth.from(today) : YearMonth.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return YearMonth.from(today);
        }
    }

    /** The client for {@code actor}, audited as viewed with {@code section}; 404 when not in the organization. */
    static Client find(ClientDirectory clients, Actor actor, String id, String section) {
        return clients.view(actor.organizationId(), actor, id, section)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
