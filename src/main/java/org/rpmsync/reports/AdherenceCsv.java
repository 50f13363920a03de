package org.rpmsync.reports;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.rpmsync.adherence.Scorecard;
import org.rpmsync.adherence.Slot;
import org.rpmsync.audit.AuditEntry;
import org.rpmsync.audit.AuditLog;
import org.rpmsync.clients.Client;
import org.rpmsync.clients.ClientDirectory;
import org.rpmsync.organization.Actor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The dose slots of a range as CSV, scored exactly as the adherence card shows them; audited as an export. */
@Controller
class AdherenceCsv {

    static final List<String> HEADER = List.of("Date", "Dose", "Due at (local)", "Status", "Compartment opened",
            "Opened at (local)", "Reason");
    private final ClientDirectory clients;
    private final AdherenceCard card;
    private final AuditLog audit;

    AdherenceCsv(ClientDirectory clients, AdherenceCard card, AuditLog audit) {
        this.clients = clients;
        this.card = card;
        this.audit = audit;
    }

    @GetMapping("/clients/{id}/reports/adherence.csv")
    ResponseEntity<byte[]> csv(@AuthenticationPrincipal Actor actor, @PathVariable String id, ReportForm form) {
        Client client = ReportPage.find(clients, actor, id, "reports");
        ExtendedModelMap model = new ExtendedModelMap();
        card.addTo(model, actor, client, form);
        Scorecard scorecard = (Scorecard) model.get("adherence");
        audit.record(AuditEntry.success(actor.organizationId().value(), actor.auditName(), "REPORT_EXPORTED",
                "client", client.id().toString()).withDetail("adherence.csv, " + scorecard.slots().size() + " doses"));
        StringBuilder csv = new StringBuilder(MedicationCsv.line(HEADER));
        for (Slot s : scorecard.slots()) {
            csv.append(MedicationCsv.line(List.of(s.date().toString(), s.period().name(),
                    scorecard.schedule().due(s.period()).toString(), s.status().label(),
                    s.opening() == null ? "" : s.opening().compartment(),
                    s.opening() == null ? "" : s.opening().local().toString().replace('T', ' '),
                    s.reason() == null ? "" : s.reason())));
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"adherence-" + client.id() + ".csv\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }
}
