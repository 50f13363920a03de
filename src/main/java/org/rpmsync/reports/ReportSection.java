package org.rpmsync.reports;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.rpmsync.measurements.ReadingType;

/**
 * The sections of a client report: every stored reading type has one. The search box matches a section's title,
 * its types (names and API codes), their units, the devices that send them ("watch", "pulse ox") and the source
 * ("Tenovi" finds every section); a query of several words matches when each word does.
 */
enum ReportSection {
    MEDICATION("Medication Device Data", Chart.NONE, "medication pill box compartment adherence tenovi pillbox",
            ReadingType.MEDICATION_COMPARTMENT_OPENED, ReadingType.MEDICATION_REFILL_STARTED,
            ReadingType.MEDICATION_COMPARTMENT_REFILLED),
    BLOOD_PRESSURE("Blood pressure", Chart.LINE, "bp systolic diastolic mmhg tenovi bpm cuff",
            ReadingType.BLOOD_PRESSURE),
    PULSE("Pulse", Chart.LINE, "heart rate bpm tenovi bpm tenovi pulse ox oximeter", ReadingType.PULSE),
    SPO2("SpO2", Chart.LINE, "oxygen saturation % tenovi pulse ox oximeter", ReadingType.SPO2),
    PERFUSION_INDEX("Perfusion index", Chart.LINE, "pi % tenovi pulse ox oximeter", ReadingType.PERFUSION_INDEX),
    GLUCOSE("Glucose", Chart.LINE, "blood sugar mg/dl tenovi glucometer bgm", ReadingType.GLUCOSE),
    WEIGHT("Weight", Chart.LINE, "lb kg tenovi scale", ReadingType.WEIGHT),
    TEMPERATURE("Temperature", Chart.LINE, "°f °c fever tenovi thermometer", ReadingType.TEMPERATURE),
    PEAK_FLOW("Peak flow", Chart.LINE, "peak expiratory flow pef l/min tenovi peak flow meter spirometer",
            ReadingType.PEAK_FLOW),
    STEPS("Steps per day", Chart.DAILY_BARS, "steps activity pedometer tenovi watch", ReadingType.STEPS),
    SLEEP("Sleep", Chart.DAILY_BARS, "sleep hours h per night tenovi watch", ReadingType.SLEEP),
    HEART_RATE("Heart rate (hourly)", Chart.LINE, "heart rate statistics average max bpm tenovi watch",
            ReadingType.HEART_RATE),
    BATTERY("Battery", Chart.LINE, "battery charge % device tenovi watch pillbox glucometer scale pulse ox bpm",
            ReadingType.BATTERY),
    OTHER("Other readings", Chart.NONE, "other unknown raw metric value", ReadingType.OTHER);

    /** How a section draws its readings: a line per value, bars of each local day's total, or a table only. */
    enum Chart { LINE, DAILY_BARS, NONE }

    static final String SOURCES = "tenovi";
    private final String title;
    private final Chart chart;
    private final String keywords;
    private final Set<ReadingType> types;

    ReportSection(String title, Chart chart, String keywords, ReadingType... types) {
        this.title = title;
        this.chart = chart;
        this.keywords = keywords;
        this.types = Set.of(types);
    }

    public String title() {
        return title;
    }

    Chart chart() {
        return chart;
    }

    Set<ReadingType> types() {
        return types;
    }

    /** "blood-pressure", for element ids. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    boolean matches(String query) {
        if (query == null || query.isBlank()) {
            return true;
        }
        String haystack = (SOURCES + " " + title + " " + keywords + " " + String.join(" ", types.stream()
                .map(t -> t.code() + " " + t.label()).toList())).toLowerCase(Locale.ROOT);
        return Arrays.stream(query.strip().toLowerCase(Locale.ROOT).split("\\s+")).allMatch(haystack::contains);
    }

    static List<ReportSection> matching(String query) {
        return Arrays.stream(values()).filter(s -> s.matches(query)).toList();
    }

    static List<ReportSection> vitals() {
        return Arrays.stream(values()).filter(s -> s != MEDICATION).toList();
    }
}
