package org.rpmsync.tenovi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.rpmsync.measurements.NewReading;
import org.rpmsync.measurements.Rejection;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The one path from Tenovi items to {@link Readings}, for webhook bodies and list pages alike: each item is read
 * ({@link TenoviPayloads}) and translated ({@link TenoviReadings}); an item that cannot be either is kept with its
 * reason. A webhook item's reason starts with its position ({@code item 2: ...}) or, once read, its metric; a list
 * item's with its list ({@code device:<id>: ...}).
 */
@Component
class ReadingsReader {

    private final TenoviPayloads payloads;
    private final TenoviReadings translator;

    ReadingsReader(TenoviPayloads payloads, TenoviReadings translator) {
        this.payloads = payloads;
        this.translator = translator;
    }

    /** A webhook body: measurements and fulfillment updates; a body that is not JSON is one item kept whole. */
    Readings delivery(String body) {
        TenoviDelivery read;
        try {
            read = payloads.read(body);
        } catch (MalformedPayload e) {
            return new Readings(1, List.of(), List.of(new Rejection(e.getMessage(), body)), List.of(), List.of());
        }
        Batch batch = new Batch();
        read.rejected().forEach(r -> batch.rejections.add(new Rejection("item " + r.index() + ": " + r.reason(),
                r.rawJson())));
        for (TenoviMeasurement measurement : read.measurements()) {
            batch.add(measurement, measurement.metric(), () -> describe(measurement));
        }
        return batch.readings(read.size(), read.statuses());
    }

    /** A page of one of Tenovi's measurement lists: every item a measurement. */
    Readings page(ReadingFeed feed, List<JsonNode> items) {
        Batch batch = new Batch();
        for (JsonNode item : items) {
            try {
                batch.add(payloads.measurement(item), feed.key(), item::toString);
            } catch (TenoviPayloads.InvalidItem e) {
                batch.rejections.add(new Rejection(feed.key() + ": " + e.getMessage(), item.toString()));
            }
        }
        return batch.readings(items.size(), List.of());
    }

    private static String describe(TenoviMeasurement m) {
        return "metric=" + m.metric() + " hwi_device_id=" + m.hwiDeviceId() + " value_1=" + m.value1()
                + " value_2=" + m.value2() + " timestamp=" + m.timestamp() + " filter_params=" + m.filterParams();
    }

    /** The readings and reasons collected so far. */
    private final class Batch {
        final List<NewReading> readings = new ArrayList<>();
        final List<Rejection> rejections = new ArrayList<>();
        final List<Instant> created = new ArrayList<>();

        void add(TenoviMeasurement measurement, String where, java.util.function.Supplier<String> raw) {
            if (measurement.created() != null) {
                created.add(measurement.created());
            }
            try {
                readings.add(translator.translate(measurement));
            } catch (TenoviPayloads.InvalidItem e) {
                rejections.add(new Rejection(where + ": " + e.getMessage(), raw.get()));
            }
        }

        Readings readings(int items, List<Readings.DeviceStatus> statuses) {
            return new Readings(items, readings, rejections, statuses, created);
        }
    }
}
