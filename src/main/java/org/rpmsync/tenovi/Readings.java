package org.rpmsync.tenovi;

import java.time.Instant;
import java.util.List;
import org.rpmsync.measurements.NewReading;
import org.rpmsync.measurements.Rejection;

/**
 * What a batch of Tenovi items (a webhook body or a page of a list) says, in our vocabulary: the readings, the items
 * kept with a reason, the device statuses Tenovi reported (fulfillment updates), and Tenovi's {@code created} time
 * of each measurement read, in order (what a list's cursor moves by). {@code items} counts every item.
 */
public record Readings(int items, List<NewReading> readings, List<Rejection> rejections, List<DeviceStatus> statuses,
                       List<Instant> created) {

    /** Tenovi's shipping status of a device ({@code status} of a fulfillment update). */
    public record DeviceStatus(String hwiDeviceId, String status) {
    }

    public Readings {
        readings = List.copyOf(readings);
        rejections = List.copyOf(rejections);
        statuses = List.copyOf(statuses);
        created = List.copyOf(created);
    }
}
