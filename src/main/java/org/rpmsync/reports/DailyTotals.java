package org.rpmsync.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.rpmsync.measurements.Reading;
import org.rpmsync.measurements.Units;

/**
 * Readings a device sends in pieces (a watch's steps and sleep, hour by hour) as one total per local day: the
 * table has a row per day, newest first, and the chart a bar per day (the newest {@link VitalsSection#CHART_POINTS}
 * days). Days are the client's local days, as everywhere on the report.
 */
final class DailyTotals {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd", Locale.ENGLISH);

    private DailyTotals() {
    }

    private record Day(LocalDate date, List<Reading> readings) {

        BigDecimal sum() {
            return readings.stream().map(Reading::value1).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** {@code readings} newest first, all of one section. */
    static VitalsSection of(ReportSection section, List<Reading> readings, long total, ZoneId zone,
                            Map<String, String> labels) {
        TreeMap<LocalDate, List<Reading>> byDay = new TreeMap<>();
        readings.forEach(r -> byDay.computeIfAbsent(r.localTime(zone).toLocalDate(), d -> new ArrayList<>()).add(r));
        List<Day> days = byDay.entrySet().stream().map(e -> new Day(e.getKey(), e.getValue())).toList();
        String unit = readings.isEmpty() ? null : readings.get(0).unit();
        List<VitalsSection.Row> rows = new ArrayList<>();
        for (int i = days.size() - 1; i >= 0 && rows.size() < VitalsSection.TABLE_ROWS; i--) {
            Day day = days.get(i);
            rows.add(new VitalsSection.Row(DAY.format(day.date()),
                    VitalsSection.withUnit(VitalsSection.plain(day.sum()), unit),
                    day.readings().size() == 1 ? "1 reading" : day.readings().size() + " readings",
                    day.readings().stream().map(r -> VitalsSection.label(labels, r)).distinct()
                            .collect(Collectors.joining(", ")),
                    day.readings().stream().anyMatch(Reading::late),
                    day.readings().stream().anyMatch(Reading::estimatedTimestamp)));
        }
        List<Day> charted = days.subList(Math.max(0, days.size() - VitalsSection.CHART_POINTS), days.size());
        String chartLabels = charted.stream().map(d -> VitalsSection.quote(d.date().toString()))
                .collect(Collectors.joining(",", "[", "]"));
        String data = charted.stream().map(d -> VitalsSection.plain(d.sum())).collect(Collectors.joining(",", "[", "]"));
        String human = Units.human(unit);
        String series = "[{\"label\":" + VitalsSection.quote(section.title() + (human.isEmpty() ? "" : " (" + human + ")"))
                + ",\"data\":" + data + "}]";
        int chartedReadings = charted.stream().mapToInt(d -> d.readings().size()).sum();
        return new VitalsSection(section, rows, total, chartedReadings, 1, "bar", chartLabels, series);
    }
}
