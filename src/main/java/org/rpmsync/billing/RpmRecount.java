package org.rpmsync.billing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.rpmsync.clients.Client;
import org.rpmsync.clients.ClientDirectory;
import org.rpmsync.clients.ClientPage;
import org.rpmsync.measurements.MeasurementQueries;
import org.rpmsync.measurements.Reading;
import org.rpmsync.measurements.ReadingFilter;
import org.rpmsync.organization.Organization;
import org.rpmsync.organization.OrganizationDirectory;
import org.rpmsync.organization.OrganizationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts a client's RPM days afresh from all its readings when they were never counted so (readings from before
 * the RPM months existed) or were counted in another time zone than the client's now. New readings are counted as
 * they arrive ({@link RpmDayCount}); counting again only sets the same days, so running twice changes nothing.
 */
@Service
class RpmRecount {

    private static final Logger log = LoggerFactory.getLogger(RpmRecount.class);
    private static final int PAGE = 5_000;
    private final OrganizationDirectory organizations;
    private final ClientDirectory clients;
    private final MeasurementQueries measurements;
    private final RpmDays days;
    private final TransactionTemplate transactions;

    RpmRecount(OrganizationDirectory organizations, ClientDirectory clients, MeasurementQueries measurements,
               RpmDays days, TransactionTemplate transactions) {
        this.organizations = organizations;
        this.clients = clients;
        this.measurements = measurements;
        this.days = days;
        this.transactions = transactions;
    }

    /**
     * Every {@code rpmsync.care.recount-every} (1 min), 200 clients, once across instances (cluster.RunOnce; the
     * lock keeps its name from before the split).
     */
    @Scheduled(initialDelayString = "${rpmsync.care.recount-every:1m}",
            fixedDelayString = "${rpmsync.care.recount-every:1m}")
    @SchedulerLock(name = "care.recount-rpm-days", lockAtLeastFor = "${rpmsync.care.recount-every:1m}",
            lockAtMostFor = "${rpmsync.care.recount-every:1m}")
    void recountOnSchedule() {
        int done = recountStale(200);
        if (done > 0) {
            log.info("Counted the RPM days of {} clients afresh", done);
        }
    }

    /** Recounts up to {@code limit} clients whose days are not counted in their own zone; how many. */
    int recountStale(int limit) {
        int done = 0;
        for (Organization o : organizations.all()) {
            Map<UUID, String> counted = days.countedZones(o.id().value());
            for (int page = 0; done < limit; page++) {
                ClientPage clientsPage = clients.search(o.id(), null, null, page, 500);
                for (Client c : clientsPage.items()) {
                    if (done < limit && !c.timeZone().getId().equals(counted.get(c.id().value()))) {
                        recount(o.id(), c, counted.containsKey(c.id().value()));
                        done++;
                    }
                }
                if (!clientsPage.hasNext()) {
                    break;
                }
            }
        }
        return done;
    }

    void recount(OrganizationId organization, Client client, boolean zoneChanged) {
        transactions.executeWithoutResult(tx -> {
            Map<RpmDays.Key, RpmDays.Bits> counted = new java.util.TreeMap<>();
            Instant at = null;
            UUID id = null;
            while (true) {
                List<Reading> page = measurements.readingsAfter(organization, client.id().value(),
                        ReadingFilter.all(), at, id, PAGE);
                RpmDays.days(page, Map.of(client.id().value(), client.timeZone()))
                        .forEach((k, b) -> counted.merge(k, b, RpmDays.Bits::or));
                if (page.size() < PAGE) {
                    break;
                }
                at = page.get(page.size() - 1).measuredAt();
                id = page.get(page.size() - 1).id();
            }
            days.replace(organization.value(), client.id().value(), client.timeZone(), counted, Instant.now(),
                    zoneChanged);
        });
    }
}
