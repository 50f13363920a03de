package org.rpmsync.sync;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.rpmsync.clients.Assignment;
import org.rpmsync.clients.DeviceAssignments;
import org.rpmsync.clients.DeviceNames;
import org.rpmsync.organization.OrganizationId;
import org.rpmsync.tenovi.ReadingFeed;
import org.rpmsync.tenovi.TenoviAccount;
import org.rpmsync.tenovi.TenoviCredentials;
import org.rpmsync.tenovi.TenoviUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Fetches what Tenovi says about mapped devices (name, sensor code, status) however they were mapped: a device
 * found through a reading's Patient ID has nothing but its id until its backfill job asks Tenovi; Refresh User
 * Data asks for the client's devices whose name is missing; reconciliation re-reads the account's device list (100
 * devices a request) and refreshes every mapped device. Requests go through {@link TenoviAccount}, so they are
 * paced with everything else. A failure here never fails the job: the names wait for the next one.
 */
@Component
class DeviceDetailsSync {

    private static final Logger log = LoggerFactory.getLogger(DeviceDetailsSync.class);

    private final TenoviAccount account;
    private final DeviceAssignments assignments;
    private final DeviceNames names;

    DeviceDetailsSync(TenoviAccount account, DeviceAssignments assignments, DeviceNames names) {
        this.account = account;
        this.assignments = assignments;
        this.names = names;
    }

    /** After a job's readings: the details its devices still lack, or every mapped device's at reconciliation. */
    void afterJob(SyncJob job, OrganizationId organization, TenoviCredentials credentials, List<ReadingFeed> targets) {
        try {
            if (job.trigger() == SyncTrigger.RECONCILIATION) {
                everyMapped(organization, credentials);
            } else {
                Set<String> devices = targets.stream().filter(ReadingFeed::device).map(ReadingFeed::id)
                        .collect(Collectors.toSet());
                Map<String, String> known = names.names(organization, devices);
                devices.stream().filter(d -> !known.containsKey(d)).forEach(d -> account.device(credentials, d)
                        .ifPresent(found -> names.refresh(organization, found.details())));
            }
        } catch (TenoviUnavailable e) {
            log.info("Tenovi device details for {} not refreshed this time: {}", credentials.clientDomain(),
                    e.getMessage());
        }
    }

    private void everyMapped(OrganizationId organization, TenoviCredentials credentials) {
        Set<String> mapped = assignments.mapped(organization, TenoviAccount.SOURCE).stream()
                .map(Assignment::deviceId).collect(Collectors.toSet());
        if (mapped.isEmpty()) {
            return;
        }
        account.devices(credentials).stream()
                .filter(d -> d.id() != null && mapped.contains(d.id()))
                .forEach(d -> names.refresh(organization, d.details()));
    }
}
