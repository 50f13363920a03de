package org.rpmsync.reports;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import org.rpmsync.audit.AuditEntry;
import org.rpmsync.audit.AuditLog;
import org.rpmsync.clients.Client;
import org.rpmsync.clients.ClientDirectory;
import org.rpmsync.organization.Actor;
import org.rpmsync.web.Csv;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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

    /** Streams the rows as they are read (a batch at a time), so the export's memory does not grow with the range. */
    @GetMapping("/clients/{id}/reports/medication.csv")
    void csv(@AuthenticationPrincipal Actor actor, @PathVariable String id, ReportForm form,
             HttpServletResponse response) throws IOException {
        Client client = ReportPage.find(clients, actor, id, "reports");
        ReportRange range = ReportRange.of(form.range(), form.from(), form.to(), LocalDate.now(client.timeZone()));
        response.setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8).toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"medication-" + client.id() + ".csv\"");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        int[] rows = {0};
        try {
            out.write(line(MedicationRow.HEADER));
            rows[0] = reports.eachMedication(actor.organizationId(), client, range, row -> {
                try {
                    out.write(line(row.cells()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            out.flush();
        } finally {
            audit.record(AuditEntry.success(actor.organizationId().value(), actor.auditName(), "REPORT_EXPORTED",
                    "client", client.id().toString()).withDetail("medication.csv, " + rows[0] + " rows"));
        }
    }

    static String line(List<String> cells) {
        return Csv.line(cells);
    }

    /** The shared CSV rule ({@link Csv#cell}): RFC 4180 quoting and defused formulas. */
    static String cell(String value) {
        return Csv.cell(value);
    }
}
