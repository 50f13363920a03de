package org.rpmsync.organization;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.rpmsync.audit.AuditEntry;
import org.rpmsync.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * The clinic's time zone and the one way organization pages show a time in it: "2026-12-01 14:05:09 EST". Pages
 * call it from Java or, in templates, as {@code ${@clinicTime.format(instant)}} for the signed-in staff member's
 * organization. Client data is not shown this way: it keeps each client's own time zone. Zones are cached for a
 * minute per instance.
 */
@Service("clinicTime")
public class ClinicTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss zzz", Locale.US);
    private static final long CACHE_MILLIS = 60_000;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final ZoneId fallback;
    private final Map<OrganizationId, Cached> cache = new ConcurrentHashMap<>();

    ClinicTime(JdbcClient jdbc, AuditLog audit, OrganizationSettings settings) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.fallback = settings.defaultTimeZone();
    }

    private record Cached(ZoneId zone, long until) {
    }

    /** The organization's time zone (the default when it chose none). */
    public ZoneId zone(OrganizationId organization) {
        Cached cached = cache.get(organization);
        if (cached != null && cached.until() > System.currentTimeMillis()) {
            return cached.zone();
        }
        ZoneId zone = jdbc.sql("select time_zone from organizations where id = ?").param(organization.value())
                .query(String.class).optional().filter(z -> z != null && !z.isBlank()).map(ZoneId::of)
                .orElse(fallback);
        cache.put(organization, new Cached(zone, System.currentTimeMillis() + CACHE_MILLIS));
        return zone;
    }

    /** Sets the organization's time zone; audited. */
    public void set(OrganizationId organization, Actor actor, ZoneId zone) {
        jdbc.sql("update organizations set time_zone = ? where id = ?").params(zone.getId(), organization.value())
                .update();
        cache.remove(organization);
        audit.record(AuditEntry.success(organization.value(), actor.auditName(), "CLINIC_TIME_ZONE_CHANGED",
                "organization", organization.toString()).withDetail(zone.getId()));
    }

    /** {@code at} in the organization's time zone with the zone's abbreviation; "" for null. */
    public String format(OrganizationId organization, Instant at) {
        return at == null ? "" : FORMAT.format(at.atZone(zone(organization)));
    }

    /** {@code at} in the signed-in staff member's clinic time zone (the default zone outside a request). */
    public String format(Instant at) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Actor actor && actor.organization().isPresent()) {
            return format(actor.organization().get(), at);
        }
        return at == null ? "" : FORMAT.format(at.atZone(fallback));
    }
}
