package org.rpmsync.reports;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.rpmsync.measurements.Reading;
import org.rpmsync.measurements.ReadingType;

/**
 * One vitals section: its newest rows for the table and the chart's data (oldest first), as JSON for the
 * {@code data-*} attributes that static/js/charts.js reads (no inline scripts).
 */
record VitalsSection(ReportSection section, List<Row> rows, long total, String chartLabels, String chartSeries) {

    static final int TABLE_ROWS = 20;

    record Row(String measuredAt, String value, String note, boolean late, boolean estimated) {
    }

    public String title() {
        return section.title();
    }

    public String slug() {
        return section.slug();
    }

    /** {@code readings} newest first; {@code pulses} the pulse readings of the same range, for blood pressure. */
    static VitalsSection of(ReportSection section, List<Reading> readings, long total, List<Reading> pulses,
                            ZoneId zone) {
        Map<String, Reading> pulseByKey = new HashMap<>();
        pulses.forEach(p -> pulseByKey.putIfAbsent(key(p), p));
        boolean bp = section == ReportSection.BLOOD_PRESSURE;
        List<Row> rows = new ArrayList<>();
        for (Reading r : readings.subList(0, Math.min(TABLE_ROWS, readings.size()))) {
            Reading pulse = bp ? pulseByKey.get(key(r)) : null;
            rows.add(new Row(TimeLabels.withOffset(r.localTime(zone)), value(r),
                    note(r, pulse), r.late(), r.estimatedTimestamp()));
        }
        List<Reading> chronological = new ArrayList<>(readings);
        java.util.Collections.reverse(chronological);
        String labels = chronological.stream()
                .map(r -> quote(TimeLabels.chartLabel(r.localTime(zone)))).collect(Collectors.joining(",", "[", "]"));
        String series = bp
                ? "[" + series("Systolic (mmHg)", chronological, Reading::value1) + ","
                        + series("Diastolic (mmHg)", chronological, Reading::value2) + "]"
                : "[" + series(section.title() + unitSuffix(chronological), chronological, Reading::value1) + "]";
        return new VitalsSection(section, rows, total, labels, series);
    }

    static String value(Reading r) {
        if (r.type() == ReadingType.BLOOD_PRESSURE) {
            return plain(r.value1()) + "/" + plain(r.value2()) + " mmHg";
        }
        String unit = ReportSection.humanUnit(r.unit());
        String value = r.value1() == null ? r.rawValue1() : plain(r.value1());
        return unit.isEmpty() ? value : unit.equals("%") || unit.startsWith("°") ? value + unit : value + " " + unit;
    }

    private static String note(Reading r, Reading pulse) {
        if (pulse != null && pulse.value1() != null) {
            return "Pulse " + plain(pulse.value1()) + " bpm";
        }
        return r.type() == ReadingType.GLUCOSE && r.label() != null ? r.label() : "";
    }

    /** Readings sent together (a BP cuff's pressure and pulse) share device, time and measurement_index. */
    static String key(Reading r) {
        return r.deviceId() + "|" + r.measuredAt() + "|" + r.measurementIndex();
    }

    static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    private static String unitSuffix(List<Reading> readings) {
        return readings.isEmpty() || readings.get(0).unit() == null ? ""
                : " (" + ReportSection.humanUnit(readings.get(0).unit()) + ")";
    }

    private static String series(String label, List<Reading> readings,
                                 java.util.function.Function<Reading, BigDecimal> value) {
        String data = readings.stream().map(value).map(v -> v == null ? "null" : plain(v))
                .collect(Collectors.joining(",", "[", "]"));
        return "{\"label\":" + quote(label) + ",\"data\":" + data + "}";
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
