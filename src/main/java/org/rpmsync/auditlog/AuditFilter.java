package org.rpmsync.auditlog;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import org.rpmsync.audit.AuditQuery;
import org.rpmsync.organization.OrganizationException;
import org.rpmsync.organization.OrganizationId;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The audit log's filter form: client (id), staff member or token (the audited account), action code and a date
 * range in the organization's time zone, both ends inclusive. Blank fields filter nothing.
 */
record AuditFilter(String client, String actor, String action, String from, String to) {

    AuditFilter {
        client = blankToNull(client);
        actor = blankToNull(actor);
        action = blankToNull(action);
        from = blankToNull(from);
        to = blankToNull(to);
    }

    /** The query, or an {@link OrganizationException} naming the field that cannot be read. */
    AuditQuery query(OrganizationId organization, ZoneId zone) {
        if (client != null) {
            try {
                UUID.fromString(client);
            } catch (IllegalArgumentException e) {
                throw new OrganizationException("invalid_input", "client: not a client id");
            }
        }
        LocalDate first = date("from", from);
        LocalDate last = date("to", to);
        if (first != null && last != null && last.isBefore(first)) {
            throw new OrganizationException("invalid_input", "to: must not be before the first day");
        }
        return new AuditQuery(organization.value(), actor, action, client == null ? null : "client", client,
                first == null ? null : first.atStartOfDay(zone).toInstant(),
                last == null ? null : last.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /** The query string of this filter (for page links and the CSV link), without a leading '?'. */
    String queryString() {
        String uri = UriComponentsBuilder.newInstance().queryParamIfPresent("client", Optional.ofNullable(client))
                .queryParamIfPresent("actor", Optional.ofNullable(actor))
                .queryParamIfPresent("action", Optional.ofNullable(action))
                .queryParamIfPresent("from", Optional.ofNullable(from))
                .queryParamIfPresent("to", Optional.ofNullable(to))
                .encode().build().toUriString();
        return uri.startsWith("?") ? uri.substring(1) : uri;
    }

    private static LocalDate date(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new OrganizationException("invalid_input", field + ": enter a date as YYYY-MM-DD");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
