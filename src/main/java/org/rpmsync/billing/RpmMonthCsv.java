package org.rpmsync.billing;

import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Collectors;
import org.rpmsync.audit.AuditEntry;
import org.rpmsync.audit.AuditLog;
import org.rpmsync.organization.Actor;
import org.rpmsync.organization.ClinicTime;
import org.rpmsync.web.Csv;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Every monitored client's RPM month as CSV (the shared {@link Csv} rule), by name; audited as an export. */
@Controller
class RpmMonthCsv {

    static final List<String> HEADER = List.of("Last name", "First name", "Patient ID", "Month", "Time zone",
            "Days with data", "Band", "CPT code", "Dates", "Days with any data", "Care minutes", "Care CPT codes");
    private final RpmMonths months;
    private final ClinicTime clinicTime;
    private final AuditLog audit;

    RpmMonthCsv(RpmMonths months, ClinicTime clinicTime, AuditLog audit) {
        this.months = months;
        this.clinicTime = clinicTime;
        this.audit = audit;
    }

    @GetMapping("/organization/rpm-months.csv")
    void csv(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String month,
             HttpServletResponse response) throws IOException {
        YearMonth m = month == null || month.isBlank() ? YearMonth.now(clinicTime.zone(actor.organizationId()))
                : RpmDaysApi.month(month);
        List<RpmMonths.Monitored> rows = RpmMonthPage.sorted(months.organization(actor.organizationId(), m), "name",
                "asc");
        response.setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8).toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"rpm-months-" + m + ".csv\"");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        out.write(Csv.line(HEADER));
        for (RpmMonths.Monitored r : rows) {
            RpmMonth rpm = r.month();
            out.write(Csv.line(List.of(r.client().lastName(), r.client().firstName(),
                    r.client().externalId() == null ? "" : r.client().externalId(), m.toString(),
                    rpm.timeZone().getId(), Integer.toString(rpm.daysWithData()), rpm.band(),
                    rpm.cptCode() == null ? "" : rpm.cptCode(),
                    rpm.dates().stream().map(LocalDate::toString).collect(Collectors.joining(" ")),
                    Integer.toString(rpm.daysWithAnyData()), Integer.toString(rpm.careMinutes()),
                    String.join(" ", rpm.careCptCodes()))));
        }
        out.flush();
        audit.record(AuditEntry.success(actor.organizationId().value(), actor.auditName(), "REPORT_EXPORTED",
                "organization", actor.organizationId().toString()).withDetail("rpm-months " + m + ".csv, "
                + rows.size() + " rows"));
    }
}
