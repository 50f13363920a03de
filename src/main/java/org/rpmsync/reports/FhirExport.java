package org.rpmsync.reports;

import ca.uhn.fhir.context.FhirContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.rpmsync.adherence.Adherence;
import org.rpmsync.adherence.Scorecard;
import org.rpmsync.audit.AuditEntry;
import org.rpmsync.audit.AuditLog;
import org.rpmsync.clients.Client;
import org.rpmsync.clients.ClientDirectory;
import org.rpmsync.measurements.MeasurementQueries;
import org.rpmsync.measurements.Reading;
import org.rpmsync.measurements.ReadingFilter;
import org.rpmsync.organization.Actor;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/users/{id}/fhir?from=&to=}: the client's vitals (newest 10,000 in the range) and adherence
 * (the range, default the last 30 days) as a FHIR R4 Bundle. Audited as a view and an export.
 */
@RestController
class FhirExport {

    static final int MAX_OBSERVATIONS = 10_000;
    static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");
    private static final FhirContext FHIR = FhirContext.forR4Cached();

    private final ClientDirectory clients;
    private final MeasurementQueries measurements;
    private final Adherence adherence;
    private final AuditLog audit;

    FhirExport(ClientDirectory clients, MeasurementQueries measurements, Adherence adherence, AuditLog audit) {
        this.clients = clients;
        this.measurements = measurements;
        this.adherence = adherence;
        this.audit = audit;
    }

    @GetMapping("/api/v1/users/{id}/fhir")
    ResponseEntity<String> fhir(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                                @RequestParam(required = false) String from,
                                @RequestParam(required = false) String to) {
        Client client = MeasurementApi.find(clients, actor, id, "fhir export");
        var zone = client.timeZone();
        Instant start = MeasurementApi.instant("from", from, zone, false);
        Instant end = MeasurementApi.instant("to", to, zone, true);
        List<Reading> readings = measurements.readings(actor.organizationId(), client.id().value(),
                new ReadingFilter(FhirBundle.exportedTypes(), start, end), 0, MAX_OBSERVATIONS);
        LocalDate today = LocalDate.now(zone);
        LocalDate last = end == null ? today : end.minusSeconds(1).atZone(zone).toLocalDate();
        LocalDate first = start == null ? last.minusDays(29) : start.atZone(zone).toLocalDate();
        if (first.isAfter(last) || first.plusDays(366).isBefore(last)) {
            first = last.minusDays(29);
        }
        Scorecard card = adherence.scorecard(actor.organizationId(), client, first, last, Instant.now());
        String json = FHIR.newJsonParser().encodeResourceToString(FhirBundle.of(client, readings, card));
        audit.record(AuditEntry.success(actor.organizationId().value(), actor.auditName(), "REPORT_EXPORTED",
                "client", client.id().toString()).withDetail("fhir, " + readings.size() + " observations"));
        return ResponseEntity.ok().contentType(FHIR_JSON).header("Cache-Control", "no-store").body(json);
    }
}
