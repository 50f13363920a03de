package org.rpmsync.reports;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.rpmsync.measurements.ReadingType;

/**
 * The sections of a client report, each a data source's types. The search box matches a section's title, its
 * types and its source ("Tenovi" finds every Tenovi type).
 */
enum ReportSection {
    MEDICATION("Medication Device Data", "medication pillbox pill box compartment adherence",
            ReadingType.MEDICATION_COMPARTMENT_OPENED, ReadingType.MEDICATION_REFILL_STARTED,
            ReadingType.MEDICATION_COMPARTMENT_REFILLED),
    BLOOD_PRESSURE("Blood pressure", "blood pressure bp systolic diastolic", ReadingType.BLOOD_PRESSURE),
    PULSE("Pulse", "pulse heart rate bpm", ReadingType.PULSE),
    SPO2("SpO2", "spo2 oxygen saturation pulse oximeter", ReadingType.SPO2),
    GLUCOSE("Glucose", "glucose blood sugar glucometer", ReadingType.GLUCOSE),
    WEIGHT("Weight", "weight scale", ReadingType.WEIGHT),
    TEMPERATURE("Temperature", "temperature thermometer", ReadingType.TEMPERATURE);

    static final String SOURCES = "tenovi";
    private final String title;
    private final String keywords;
    private final Set<ReadingType> types;

    ReportSection(String title, String keywords, ReadingType... types) {
        this.title = title;
        this.keywords = keywords;
        this.types = Set.of(types);
    }

    public String title() {
        return title;
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
        String q = query.strip().toLowerCase(Locale.ROOT);
        String haystack = SOURCES + " " + title.toLowerCase(Locale.ROOT) + " " + keywords + " "
                + String.join(" ", types.stream().map(t -> t.code() + " " + t.label().toLowerCase(Locale.ROOT)).toList());
        return haystack.contains(q);
    }

    static List<ReportSection> matching(String query) {
        return Arrays.stream(values()).filter(s -> s.matches(query)).toList();
    }

    static List<ReportSection> vitals() {
        return Arrays.stream(values()).filter(s -> s != MEDICATION).toList();
    }

    /** mmHg, bpm, %, mg/dL, lb, °F: the human form of a UCUM unit. */
    static String humanUnit(String ucum) {
        if (ucum == null) {
            return "";
        }
        return switch (ucum) {
            case "mm[Hg]" -> "mmHg";
            case "/min" -> "bpm";
            case "[lb_av]" -> "lb";
            case "[degF]" -> "°F";
            case "Cel", "[degC]" -> "°C";
            case "{steps}" -> "steps";
            default -> ucum;
        };
    }
}
