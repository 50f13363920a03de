package org.rpmsync.tenovi;

import java.util.List;

/**
 * What one webhook body (object or array) held: measurements, fulfillment updates (reference §3.4: a device's
 * shipping status) and items kept with a reason.
 */
record TenoviDelivery(List<TenoviMeasurement> measurements, List<Readings.DeviceStatus> statuses,
                      List<RejectedItem> rejected) {

    /** An item that could not be read, kept with its position, the reason and its raw JSON (capped). */
    record RejectedItem(int index, String reason, String rawJson) {
    }

    int size() {
        return measurements.size() + statuses.size() + rejected.size();
    }
}
