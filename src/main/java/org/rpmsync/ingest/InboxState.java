package org.rpmsync.ingest;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.rpmsync.organization.OrganizationId;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Inbox depth and processing lag: the health of the product. Published as Micrometer gauges, as the {@code inbox}
 * health contributor (part of readiness: OUT_OF_SERVICE when the oldest pending delivery waits too long), and per
 * organization for the integration health panel. Also erases processed raw bodies after the retention period.
 */
@Component("inboxHealthIndicator")
class InboxState implements HealthIndicator {

    private final JdbcClient jdbc;
    private final Inbox inbox;
    private final IngestSettings settings;
    private volatile long depth;
    private volatile double lagSeconds;

    InboxState(JdbcClient jdbc, Inbox inbox, IngestSettings settings, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.inbox = inbox;
        this.settings = settings;
        Gauge.builder("rpmsync.inbox.depth", () -> depth).description("deliveries waiting to be processed")
                .register(meters);
        Gauge.builder("rpmsync.inbox.lag", () -> lagSeconds).baseUnit("seconds")
                .description("age of the oldest delivery waiting to be processed").register(meters);
    }

    /** On every instance (not run-once): each instance publishes its own gauges and readiness. */
    @Scheduled(fixedDelayString = "${rpmsync.ingest.state-refresh:5s}")
    void refresh() {
        Map<String, Object> row = jdbc.sql("select count(*) as depth, min(received_at) as oldest from inbox_messages "
                + "where status = 'PENDING'").query().singleRow();
        depth = ((Number) row.get("depth")).longValue();
        Object oldest = row.get("oldest");
        lagSeconds = oldest == null ? 0 : Math.max(0, Duration.between(instant(oldest), Instant.now()).toMillis() / 1000.0);
    }

    @Scheduled(fixedDelayString = "${rpmsync.ingest.purge-interval:1h}")
    @SchedulerLock(name = "ingest.purge-bodies", lockAtLeastFor = "${rpmsync.ingest.purge-interval:1h}",
            lockAtMostFor = "${rpmsync.ingest.purge-interval:1h}")
    void purge() {
        inbox.purgeBodies(Instant.now().minus(settings.retention()));
    }

    @Override
    public Health health() {
        refresh();
        Health.Builder health = lagSeconds > settings.lagWarning().toSeconds() ? Health.outOfService() : Health.up();
        return health.withDetail("depth", depth).withDetail("lagSeconds", lagSeconds).build();
    }

    /** For one organization: waiting, failed, delivered today, last delivery, oldest waiting. */
    OrganizationInbox of(OrganizationId organization, Instant startOfDay) {
        Map<String, Object> row = jdbc.sql("""
                select sum(case when status = 'PENDING' then 1 else 0 end) as pending,
                       sum(case when status = 'FAILED' then 1 else 0 end) as failed,
                       sum(case when received_at >= ? then 1 else 0 end) as today,
                       max(received_at) as last_received,
                       min(case when status = 'PENDING' then received_at end) as oldest_pending
                from inbox_messages where organization_id = ?""")
                .params(Timestamp.from(startOfDay), organization.value()).query().singleRow();
        return new OrganizationInbox(number(row.get("pending")), number(row.get("failed")), number(row.get("today")),
                row.get("last_received") == null ? null : instant(row.get("last_received")),
                row.get("oldest_pending") == null ? null : instant(row.get("oldest_pending")));
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.time.temporal.TemporalAccessor) value).query(Instant::from);
    }

    record OrganizationInbox(long pending, long failed, long deliveredToday, Instant lastDelivery,
                             Instant oldestPending) {
    }

}
