package org.rpmsync.reports;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.rpmsync.audit.AuditEntry;
import org.rpmsync.audit.AuditLog;
import org.rpmsync.clients.Client;
import org.rpmsync.clients.ClientDirectory;
import org.rpmsync.organization.Actor;
import org.rpmsync.web.Csv;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The Medication Device Data rows of a range as CSV, exactly as the page shows them; audited as an export. */
@Controller
class MedicationCsv {

    private final ClientDirectory clients;
    private final ClientReports reports;
    private final AuditLog audit;

    MedicationCsv(ClientDirectory clients, ClientReports reports, AuditLog audit) {
        this.clients = clients;
        this.reports = reports;
        this.audit = audit;
    }

    @GetMapping("/clients/{id}/reports/medication.csv")
    ResponseEntity<byte[]> csv(@AuthenticationPrincipal Actor actor, @PathVariable String id, ReportForm form) {
        Client client = ReportPage.find(clients, actor, id, "reports");
        ReportRange range = ReportRange.of(form.range(), form.from(), form.to(), LocalDate.now(client.timeZone()));
        List<MedicationRow> rows = reports.allMedication(actor.organizationId(), client, range);
        audit.record(AuditEntry.success(actor.organizationId().value(), actor.auditName(), "REPORT_EXPORTED",
                "client", client.id().toString()).withDetail("medication.csv, " + rows.size() + " rows"));
        StringBuilder csv = new StringBuilder(line(MedicationRow.HEADER));
        rows.forEach(r -> csv.append(line(r.cells())));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"medication-" + client.id() + ".csv\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    static String line(List<String> cells) {
        return Csv.line(cells);
    }

    /** The shared CSV rule ({@link Csv#cell}): RFC 4180 quoting and defused formulas. */
    static String cell(String value) {
        return Csv.cell(value);
    }
}
