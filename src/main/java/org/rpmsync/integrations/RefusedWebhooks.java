package org.rpmsync.integrations;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.rpmsync.organization.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts webhook deliveries refused for a wrong or missing secret in {@code tenovi_refused_deliveries}, per
 * organization and UTC hour with the time of the latest; nothing of the request is kept. "The last 24 hours" is the
 * current hour and the 23 before it.
 */
@Component
class RefusedWebhooks {

    static final Duration WINDOW = Duration.ofHours(24);

    private final JdbcClient jdbc;

    RefusedWebhooks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void count(OrganizationId organization, Instant at) {
        jdbc.sql("""
                merge into tenovi_refused_deliveries r
                using (select cast(? as uuid) as organization_id, cast(? as timestamp with time zone) as refused_hour,
                              cast(? as timestamp with time zone) as refused_at) n
                on r.organization_id = n.organization_id and r.refused_hour = n.refused_hour
                when matched then update set refused = r.refused + 1,
                  last_refused_at = case when r.last_refused_at < n.refused_at then n.refused_at else r.last_refused_at end
                when not matched then insert (organization_id, refused_hour, refused, last_refused_at)
                  values (n.organization_id, n.refused_hour, 1, n.refused_at)""")
                .params(organization.value(), Timestamp.from(at.truncatedTo(ChronoUnit.HOURS)), Timestamp.from(at))
                .update();
    }

    RefusedDeliveries recent(OrganizationId organization, Instant now) {
        Instant from = now.truncatedTo(ChronoUnit.HOURS).minus(WINDOW).plus(Duration.ofHours(1));
        return jdbc.sql("""
                select coalesce(sum(refused), 0) as refused, max(last_refused_at) as last_at
                from tenovi_refused_deliveries where organization_id = ? and refused_hour >= ?""")
                .params(organization.value(), Timestamp.from(from))
                .query((rs, n) -> {
                    Timestamp last = rs.getTimestamp("last_at");
                    return new RefusedDeliveries(rs.getLong("refused"), last == null ? null : last.toInstant());
                })
                .single();
    }
}
