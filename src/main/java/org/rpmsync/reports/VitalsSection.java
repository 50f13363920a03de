package org.rpmsync.reports;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.rpmsync.clients.DeviceLabel;
import org.rpmsync.measurements.Reading;
import org.rpmsync.measurements.ReadingType;
import org.rpmsync.measurements.Units;

/**
 * One readings section of a report: its newest rows for the table and the chart's data (oldest first), as JSON for
 * the {@code data-*} attributes that static/js/charts.js reads (no inline scripts). {@code chartType} is
 * {@code line}, {@code bar} (a total per local day, {@link DailyTotals}) or null (a table only). A line chart has at
 * most {@link #CHART_POINTS} points: more readings than that are drawn as means of consecutive readings
 * ({@code perPoint} of them each), so that a range of years still shows the whole range.
 */
record VitalsSection(ReportSection section, List<Row> rows, long total, int charted, int perPoint, String chartType,
                     String chartLabels, String chartSeries) {

    static final int TABLE_ROWS = 20;
    static final int CHART_POINTS = 500;

    record Row(String measuredAt, String value, String note, String device, boolean late, boolean estimated) {
    }

    public String title() {
        return section.title();
    }

    public String slug() {
        return section.slug();
    }

    static VitalsSection of(ReportSection section, List<Reading> readings, long total, List<Reading> pulses,
                            ZoneId zone) {
        return of(section, readings, total, pulses, zone, Map.of());
    }

    /**
     * {@code readings} newest first; {@code pulses} the pulse readings of the same range, for blood pressure;
     * {@code labels} device id to its label ({@link DeviceLabel}).
     */
    static VitalsSection of(ReportSection section, List<Reading> readings, long total, List<Reading> pulses,
                            ZoneId zone, Map<String, String> labels) {
        if (section.chart() == ReportSection.Chart.DAILY_BARS) {
            return DailyTotals.of(section, readings, total, zone, labels);
        }
        Map<String, Reading> pulseByKey = new HashMap<>();
        pulses.forEach(p -> pulseByKey.putIfAbsent(p.measurementKey(), p));
        boolean bp = section == ReportSection.BLOOD_PRESSURE;
        List<Row> rows = new ArrayList<>();
        for (Reading r : readings.subList(0, Math.min(TABLE_ROWS, readings.size()))) {
            Reading pulse = bp ? pulseByKey.get(r.measurementKey()) : null;
            rows.add(new Row(TimeLabels.withOffset(r.localTime(zone)), value(r), note(r, pulse), label(labels, r),
                    r.late(), r.estimatedTimestamp()));
        }
        if (section.chart() == ReportSection.Chart.NONE) {
            return new VitalsSection(section, rows, total, 0, 1, null, null, null);
        }
        List<Reading> chronological = new ArrayList<>(readings);
        java.util.Collections.reverse(chronological);
        int perPoint = Math.max(1, (chronological.size() + CHART_POINTS - 1) / CHART_POINTS);
        List<List<Reading>> points = new ArrayList<>();
        for (int from = 0; from < chronological.size(); from += perPoint) {
            points.add(chronological.subList(from, Math.min(from + perPoint, chronological.size())));
        }
        String labelsJson = points.stream().map(p -> quote(TimeLabels.chartLabel(p.get(p.size() - 1).localTime(zone))))
                .collect(Collectors.joining(",", "[", "]"));
        String series = switch (section) {
            case BLOOD_PRESSURE -> "[" + series("Systolic (mmHg)", points, Reading::value1) + ","
                    + series("Diastolic (mmHg)", points, Reading::value2) + "]";
            case HEART_RATE -> "[" + series("Hourly average (bpm)", points, Reading::value1) + ","
                    + series("Hourly maximum (bpm)", points, Reading::value2) + "]";
            default -> "[" + series(section.title() + unitSuffix(chronological), points, Reading::value1) + "]";
        };
        return new VitalsSection(section, rows, total, chronological.size(), perPoint, "line", labelsJson, series);
    }

    static String value(Reading r) {
        if (r.type() == ReadingType.BLOOD_PRESSURE) {
            return plain(r.value1()) + "/" + plain(r.value2()) + " mmHg";
        }
        if (r.type() == ReadingType.OTHER) {
            String second = r.rawValue2() == null || r.rawValue2().isEmpty() ? "" : " / " + r.rawValue2();
            return (r.rawValue1() == null ? "" : r.rawValue1()) + second;
        }
        String value = r.value1() == null ? r.rawValue1() : plain(r.value1());
        return withUnit(value, r.unit());
    }

    static String withUnit(String value, String ucum) {
        String unit = Units.human(ucum);
        return unit.isEmpty() ? value : unit.equals("%") || unit.startsWith("°") ? value + unit : value + " " + unit;
    }

    private static String note(Reading r, Reading pulse) {
        if (pulse != null && pulse.value1() != null) {
            return "Pulse " + plain(pulse.value1()) + " bpm";
        }
        return switch (r.type()) {
            case GLUCOSE -> r.label() == null ? "" : r.label();
            case HEART_RATE -> r.value2() == null ? "" : "max " + plain(r.value2()) + " bpm";
            case OTHER -> "Tenovi metric " + r.metric() + " (raw values)";
            default -> "";
        };
    }

    static String label(Map<String, String> labels, Reading r) {
        return labels.getOrDefault(r.deviceId(), DeviceLabel.of(null, r.deviceId()));
    }

    static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    private static String unitSuffix(List<Reading> readings) {
        return readings.isEmpty() || readings.get(0).unit() == null ? ""
                : " (" + Units.human(readings.get(0).unit()) + ")";
    }

    private static String series(String label, List<List<Reading>> points, Function<Reading, BigDecimal> value) {
        String data = points.stream().map(p -> mean(p, value)).map(v -> v == null ? "null" : plain(v))
                .collect(Collectors.joining(",", "[", "]"));
        return "{\"label\":" + quote(label) + ",\"data\":" + data + "}";
    }

    /** The mean of the point's values (one decimal when there are several), null when none has a value. */
    static BigDecimal mean(List<Reading> point, Function<Reading, BigDecimal> value) {
        List<BigDecimal> values = point.stream().map(value).filter(java.util.Objects::nonNull).toList();
        if (values.size() <= 1) {
            return values.isEmpty() ? null : values.get(0);
        }
        BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(values.size()), 1, java.math.RoundingMode.HALF_UP);
    }

    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
