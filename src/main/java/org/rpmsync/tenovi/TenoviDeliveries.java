package org.rpmsync.tenovi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.rpmsync.clients.DeviceAssignments;
import org.rpmsync.measurements.MeasurementRecorder;
import org.rpmsync.measurements.NewReading;
import org.rpmsync.measurements.Origin;
import org.rpmsync.measurements.Recorded;
import org.rpmsync.measurements.Rejection;
import org.rpmsync.organization.OrganizationId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Processes one Tenovi webhook body: measurements become readings (stored once, attributed), fulfillment updates
 * set the device's Tenovi status, and every item that can't be either is kept with its reason.
 */
@Service
public class TenoviDeliveries {

    private final TenoviPayloads payloads;
    private final TenoviReadings readings;
    private final MeasurementRecorder recorder;
    private final DeviceAssignments assignments;

    TenoviDeliveries(TenoviPayloads payloads, TenoviReadings readings, MeasurementRecorder recorder,
                     DeviceAssignments assignments) {
        this.payloads = payloads;
        this.readings = readings;
        this.recorder = recorder;
        this.assignments = assignments;
    }

    @Transactional
    public DeliveryOutcome process(OrganizationId organization, String body, Instant receivedAt, Long inboxMessageId) {
        TenoviDelivery delivery;
        try {
            delivery = payloads.read(body);
        } catch (MalformedPayload e) {
            recorder.reject(organization, List.of(new Rejection(e.getMessage(), body)), receivedAt, Origin.WEBHOOK,
                    inboxMessageId);
            return new DeliveryOutcome(1, 0, 0, 1);
        }
        List<Rejection> rejected = new ArrayList<>();
        delivery.rejected().forEach(r -> rejected.add(new Rejection("item " + r.index() + ": " + r.reason(), r.rawJson())));
        List<NewReading> translated = new ArrayList<>();
        for (TenoviMeasurement measurement : delivery.measurements()) {
            try {
                translated.add(readings.translate(measurement));
            } catch (TenoviPayloads.InvalidItem e) {
                rejected.add(new Rejection(measurement.metric() + ": " + e.getMessage(), describe(measurement)));
            }
        }
        Recorded recorded = recorder.record(organization, translated, receivedAt, Origin.WEBHOOK);
        for (TenoviFulfillment update : delivery.fulfillments()) {
            if (assignments.updateVendorStatus(organization, TenoviReadings.SOURCE, update.hwiDeviceId(), update.status()) == 0) {
                rejected.add(new Rejection("fulfillment status " + update.status() + " for device "
                        + update.hwiDeviceId() + ", which is not mapped to a client", null));
            }
        }
        recorder.reject(organization, rejected, receivedAt, Origin.WEBHOOK, inboxMessageId);
        return new DeliveryOutcome(delivery.size(), recorded.stored(), recorded.duplicates(), rejected.size());
    }

    private static String describe(TenoviMeasurement m) {
        return "metric=" + m.metric() + " hwi_device_id=" + m.hwiDeviceId() + " value_1=" + m.value1()
                + " value_2=" + m.value2() + " timestamp=" + m.timestamp() + " filter_params=" + m.filterParams();
    }
}
