package org.rpmsync.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rpmsync.clients.DeviceAssignments;
import org.rpmsync.measurements.MeasurementRecorder;
import org.rpmsync.measurements.NewReading;
import org.rpmsync.measurements.Origin;
import org.rpmsync.measurements.Recorded;
import org.rpmsync.measurements.Rejection;
import org.rpmsync.organization.OrganizationId;
import org.rpmsync.tenovi.Readings;
import org.rpmsync.tenovi.TenoviAccount;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Processes Tenovi webhook bodies, read by {@link TenoviAccount#delivery} the same way as pages of Tenovi's lists:
 * measurements become readings (stored once, attributed), fulfillment updates set
 * the device's Tenovi status, and every item that can't be either is kept with its reason. A batch of deliveries
 * is recorded in one go, so a burst costs a few statements, not a few per delivery.
 */
@Service
public class TenoviDeliveries {

    private final TenoviAccount account;
    private final MeasurementRecorder recorder;
    private final DeviceAssignments assignments;

    TenoviDeliveries(TenoviAccount account, MeasurementRecorder recorder, DeviceAssignments assignments) {
        this.account = account;
        this.recorder = recorder;
        this.assignments = assignments;
    }

    /** One stored webhook delivery of an organization. */
    public record Inbound(long inboxMessageId, String body, Instant receivedAt) {
    }

    @Transactional
    public DeliveryOutcome process(OrganizationId organization, String body, Instant receivedAt, Long inboxMessageId) {
        long id = inboxMessageId == null ? 0 : inboxMessageId;
        return processAll(organization, List.of(new Inbound(id, body, receivedAt))).get(id);
    }

    /** Processes an organization's deliveries together; the outcome of each by inbox message id. */
    @Transactional
    public Map<Long, DeliveryOutcome> processAll(OrganizationId organization, List<Inbound> deliveries) {
        List<NewReading> batch = new ArrayList<>();
        List<Instant> receivedAt = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        int[] items = new int[deliveries.size()];
        int[] rejectedCount = new int[deliveries.size()];
        for (int d = 0; d < deliveries.size(); d++) {
            Inbound delivery = deliveries.get(d);
            Readings read = account.delivery(delivery.body());
            items[d] = read.items();
            List<Rejection> rejected = new ArrayList<>(read.rejections());
            for (NewReading reading : read.readings()) {
                batch.add(reading);
                receivedAt.add(delivery.receivedAt());
                owner.add(d);
            }
            read.statuses().forEach(update -> fulfil(organization, update, rejected));
            rejectedCount[d] = rejected.size();
            if (!rejected.isEmpty()) {
                recorder.reject(organization, rejected, delivery.receivedAt(), Origin.WEBHOOK, delivery.inboxMessageId());
            }
        }
        Recorded recorded = recorder.record(organization, batch, receivedAt, Origin.WEBHOOK);
        int[] stored = new int[deliveries.size()];
        int[] duplicates = new int[deliveries.size()];
        for (int i = 0; i < batch.size(); i++) {
            if (recorded.storedAt(i)) {
                stored[owner.get(i)]++;
            } else {
                duplicates[owner.get(i)]++;
            }
        }
        Map<Long, DeliveryOutcome> outcomes = new LinkedHashMap<>();
        for (int d = 0; d < deliveries.size(); d++) {
            outcomes.put(deliveries.get(d).inboxMessageId(),
                    new DeliveryOutcome(items[d], stored[d], duplicates[d], rejectedCount[d]));
        }
        return outcomes;
    }

    private void fulfil(OrganizationId organization, Readings.DeviceStatus update, List<Rejection> rejected) {
        if (assignments.updateVendorStatus(organization, TenoviAccount.SOURCE, update.hwiDeviceId(), update.status()) == 0) {
            rejected.add(new Rejection("fulfillment status " + update.status() + " for device " + update.hwiDeviceId()
                    + ", which is not mapped to a client", null));
        }
    }
}
