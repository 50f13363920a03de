package org.rpmsync.tenovi;

import java.util.List;

/** What one webhook body (object or array) held: measurements, fulfillment updates, and items kept with a reason. */
record TenoviDelivery(List<TenoviMeasurement> measurements, List<TenoviFulfillment> fulfillments,
                      List<RejectedItem> rejected) {

    /** An item that could not be read, kept with its position, the reason and its raw JSON (capped). */
    record RejectedItem(int index, String reason, String rawJson) {
    }

    int size() {
        return measurements.size() + fulfillments.size() + rejected.size();
    }
}
