package org.rpmsync.dataapi;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rpmsync.measurements.Reading;

/** A reading as the measurements API shows it (spec §5): common fields, then the type's values. */
final class ApiItems {

    private static final String[] DAYS = {"SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY",
            "SATURDAY"};

    private ApiItems() {
    }

    static Map<String, Object> item(Reading r, ZoneId zone) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", r.id());
        item.put("source", r.source());
        item.put("type", r.type().code());
        item.put("metric", r.metric());
        item.put("measuredAt", r.measuredAt().toString());
        item.put("localTime", r.localTime(zone).toOffsetDateTime().toString());
        item.put("receivedAt", r.receivedAt().toString());
        item.put("late", r.late());
        item.put("estimatedTimestamp", r.estimatedTimestamp());
        item.put("hwiDeviceId", r.deviceId());
        switch (r.type()) {
            case MEDICATION_COMPARTMENT_OPENED, MEDICATION_COMPARTMENT_REFILLED, MEDICATION_REFILL_STARTED -> {
                if (r.value1() != null && r.value2() != null && r.value1().intValue() >= 1
                        && r.value1().intValue() <= 7) {
                    item.put("compartment", r.label());
                    item.put("day", DAYS[r.value1().intValue() - 1]);
                    item.put("period", r.value2().intValue() == 2 ? "PM" : "AM");
                }
            }
            case BLOOD_PRESSURE -> {
                item.put("systolic", r.value1());
                item.put("diastolic", r.value2());
            }
            case OTHER -> {
                item.put("value1", r.rawValue1().isEmpty() ? null : r.rawValue1());
                item.put("value2", r.rawValue2().isEmpty() ? null : r.rawValue2());
            }
            default -> {
                item.put("value", r.value1());
                item.put("unit", r.unit());
                if (r.label() != null && r.type() == org.rpmsync.measurements.ReadingType.GLUCOSE) {
                    item.put("mealContext", r.label());
                }
            }
        }
        return item;
    }
}
