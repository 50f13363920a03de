package org.rpmsync.fhir;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.rpmsync.adherence.Adherence;
import org.rpmsync.adherence.Scorecard;
import org.rpmsync.audit.AuditEntry;
import org.rpmsync.audit.AuditLog;
import org.rpmsync.clients.Client;
import org.rpmsync.clients.ClientDirectory;
import org.rpmsync.clients.DeviceAssignments;
import org.rpmsync.clients.PatientIds;
import org.rpmsync.dataapi.ApiParameters;
import org.rpmsync.measurements.MeasurementQueries;
import org.rpmsync.measurements.Reading;
import org.rpmsync.measurements.ReadingFilter;
import org.rpmsync.organization.Actor;
import org.rpmsync.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/users/{id}/fhir?from=&to=&_since=}: the client's readings measured in the range (absent:
 * All Data) and the adherence of its days as a FHIR R4 Bundle (docs/fhir.md); {@code _since} keeps what was
 * received from then on, for incremental pulls. Audited as a view and an export.
 */
@RestController
class FhirExport {

    static final int MAX_READINGS = 50_000;
    static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");

    private final ClientDirectory clients;
    private final MeasurementQueries measurements;
    private final Adherence adherence;
    private final PatientIds patientIds;
    private final DeviceAssignments assignments;
    private final AuditLog audit;

    FhirExport(ClientDirectory clients, MeasurementQueries measurements, Adherence adherence, PatientIds patientIds,
               DeviceAssignments assignments, AuditLog audit) {
        this.clients = clients;
        this.measurements = measurements;
        this.adherence = adherence;
        this.patientIds = patientIds;
        this.assignments = assignments;
        this.audit = audit;
    }

    @GetMapping("/api/v1/users/{id}/fhir")
    void fhir(@AuthenticationPrincipal Actor actor, @PathVariable String id,
              @RequestParam(required = false) String from, @RequestParam(required = false) String to,
              @RequestParam(name = "_since", required = false) String since, HttpServletResponse response)
            throws IOException {
        Client client = ApiParameters.client(clients, actor, id, "fhir export");
        ZoneId zone = client.timeZone();
        Instant start = ApiParameters.instant("from", from, zone, false);
        Instant end = ApiParameters.instant("to", to, zone, true);
        Instant received = since(since);
        if (start != null && end != null && !start.isBefore(end)) {
            throw ApiProblem.invalid("to", "must be after from");
        }
        List<Reading> readings = measurements.readings(actor.organizationId(), client.id().value(),
                new ReadingFilter(null, start, end), 0, MAX_READINGS + 1);
        if (readings.size() > MAX_READINGS) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "range_too_large", "More than " + MAX_READINGS
                    + " readings in the range: narrow it with from and to (and use _since for incremental pulls).");
        }
        Scorecard card = scorecard(actor, client, start, end);
        var content = new FhirBundle.Content(client,
                patientIds.patientId(actor.organizationId(), client.id()).orElse(null),
                assignments.held(actor.organizationId(), client.id()), readings, received, card);
        var bundle = new FhirBundle(content);
        audit.record(AuditEntry.success(actor.organizationId().value(), actor.auditName(), "REPORT_EXPORTED",
                "client", client.id().toString()).withDetail("fhir, " + bundle.resources()
                + " resources" + (received == null ? "" : ", received since " + received)));
        response.setContentType(FHIR_JSON.toString());
        response.setCharacterEncoding(StandardCharsets.UTF_8);
        response.setHeader("Cache-Control", "no-store");
        bundle.write(response.getOutputStream());
    }

    /**
     * The dose slots of the range (absent: All Data), scored by the one due-dose rule: only the days the client was
     * monitored with a PillBox; null for a client never monitored.
     */
    private Scorecard scorecard(Actor actor, Client client, Instant start, Instant end) {
        ZoneId zone = client.timeZone();
        LocalDate first = start == null ? Adherence.BEGINNING : start.atZone(zone).toLocalDate();
        LocalDate last = end == null ? LocalDate.now(zone) : end.minusSeconds(1).atZone(zone).toLocalDate();
        if (first.isAfter(last)) {
            return null;
        }
        Scorecard card = adherence.scorecard(actor.organizationId(), client, first, last, Instant.now());
        return card.monitoredSince() == null ? null : card;
    }

    /** {@code _since}: a FHIR instant (an ISO-8601 date and time with its offset). */
    private static Instant since(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid("_since", "must be an instant with its offset, e.g. 2025-03-01T00:00:00Z");
        }
    }
}
