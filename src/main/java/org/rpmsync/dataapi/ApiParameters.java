package org.rpmsync.dataapi;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.rpmsync.clients.Client;
import org.rpmsync.clients.ClientDirectory;
import org.rpmsync.measurements.Reading;
import org.rpmsync.organization.Actor;
import org.rpmsync.web.ApiProblem;

/**
 * How the data API (spec §5: measurements, adherence and the FHIR export) reads its request: the client of
 * {@code /api/v1/users/{id}} (404 otherwise, the view audited) and {@code from}/{@code to} as ISO instants or local
 * dates in the client's zone, within the years that can hold readings; anything else is refused with a reason (422).
 */
public final class ApiParameters {

    private ApiParameters() {
    }

    /** The organization's client with this id, viewed by {@code actor} (audited as {@code section}), else a 404. */
    public static Client client(ClientDirectory clients, Actor actor, String id, String section) {
        return clients.view(actor.organizationId(), actor, id, section)
                .orElseThrow(() -> ApiProblem.notFound("User"));
    }

    /**
     * An ISO instant, or a local date in the client's zone ({@code end}: the day after, so "to" is inclusive),
     * within the years that can hold readings; null when absent.
     */
    public static Instant instant(String field, String text, ZoneId zone, boolean end) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        Instant at;
        try {
            at = t.contains("T") ? Instant.parse(t) : date(field, t).plusDays(end ? 1 : 0).atStartOfDay(zone).toInstant();
        } catch (DateTimeException e) {
            throw ApiProblem.invalid(field, "must be an ISO-8601 instant or a date (yyyy-MM-dd)");
        }
        if (at.isBefore(Reading.EARLIEST.atStartOfDay(ZoneOffset.UTC).toInstant().minus(Duration.ofDays(1)))
                || at.isAfter(Reading.LATEST.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant())) {
            throw outOfYears(field);
        }
        return at;
    }

    /** A local date (yyyy-MM-dd) in the years that can hold readings, else a 422 naming {@code field}. */
    public static LocalDate date(String field, String text) {
        LocalDate date;
        try {
            date = LocalDate.parse(text.strip());
        } catch (DateTimeException e) {
            throw ApiProblem.invalid(field, "must be a date (yyyy-MM-dd)");
        }
        if (!Reading.measurable(date)) {
            throw outOfYears(field);
        }
        return date;
    }

    private static ApiProblem outOfYears(String field) {
        return ApiProblem.invalid(field, "must lie between " + Reading.EARLIEST + " and " + Reading.LATEST);
    }
}
