package org.rpmsync.alerts;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * An organization's or a client's thresholds (spec §7, defaults from ACC/AHA 2017 hypertensive crisis, ADA
 * hypoglycemia levels and heart-failure weight-gain guidance). Blood pressure in mmHg, glucose in mg/dL, SpO2 in %,
 * weight in kg. Each rule can be switched off.
 */
public record AlertRules(@JsonProperty("blood_pressure_high") Pressure bloodPressureHigh,
                         @JsonProperty("blood_pressure_low") Limit bloodPressureLow,
                         @JsonProperty("glucose_low") Limit glucoseLow,
                         @JsonProperty("glucose_high") Limit glucoseHigh,
                         @JsonProperty("spo2_low") Limit spo2Low,
                         @JsonProperty("weight_gain") WeightGain weightGain,
                         @JsonProperty("missed_doses") MissedDoses missedDoses,
                         @JsonProperty("no_data") NoData noData) {

    static final MissedDoses MISSED_DOSES = new MissedDoses(true, 2, 4);
    static final NoData NO_DATA = new NoData(true, 3);

    /** Rules stored or sent before missed_doses and no_data existed get their defaults. */
    public AlertRules {
        missedDoses = missedDoses == null ? MISSED_DOSES : missedDoses;
        noData = noData == null ? NO_DATA : noData;
    }

    public static final AlertRules DEFAULTS = new AlertRules(
            new Pressure(true, 160, 100, 180, 120),
            new Limit(true, new BigDecimal("90"), new BigDecimal("80")),
            new Limit(true, new BigDecimal("70"), new BigDecimal("54")),
            new Limit(true, new BigDecimal("250"), new BigDecimal("400")),
            new Limit(true, new BigDecimal("92"), new BigDecimal("88")),
            new WeightGain(true, new BigDecimal("0.9"), new BigDecimal("2.3")), MISSED_DOSES, NO_DATA);

    /** Systolic or diastolic at or above a level (mmHg). */
    public record Pressure(boolean enabled, int warningSystolic, int warningDiastolic, int criticalSystolic,
                           int criticalDiastolic) {
    }

    /** A value beyond {@code warning}, or beyond {@code critical} (null: no critical level). */
    public record Limit(boolean enabled, BigDecimal warning, BigDecimal critical) {
    }

    /** A gain of at least {@code kgIn24h} over the lowest weight of the last 24 h, or {@code kgIn7d} over 7 days. */
    public record WeightGain(boolean enabled, BigDecimal kgIn24h, BigDecimal kgIn7d) {
    }

    /** {@code warning} or {@code critical} PillBox doses missed in a row (evaluated on schedule). */
    public record MissedDoses(boolean enabled, int warning, int critical) {
    }

    /** A mapped device that measured nothing for {@code days} days (evaluated on schedule). */
    public record NoData(boolean enabled, int days) {
    }

    /** What is wrong with these rules, one sentence a field; empty when they are valid. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (bloodPressureHigh == null || bloodPressureLow == null || glucoseLow == null || glucoseHigh == null
                || spo2Low == null || weightGain == null) {
            problems.add("rules: every rule must be given (switch one off with \"enabled\": false)");
            return problems;
        }
        Pressure p = bloodPressureHigh;
        if (!within(p.warningSystolic(), 60, 300) || !within(p.criticalSystolic(), 60, 300)
                || !within(p.warningDiastolic(), 30, 200) || !within(p.criticalDiastolic(), 30, 200)) {
            problems.add("blood_pressure_high: systolic must be 60–300 and diastolic 30–200 mmHg");
        } else if (p.criticalSystolic() < p.warningSystolic() || p.criticalDiastolic() < p.warningDiastolic()) {
            problems.add("blood_pressure_high: the critical levels must not be below the warning levels");
        }
        limit(problems, "blood_pressure_low", bloodPressureLow, 40, 200, false);
        limit(problems, "glucose_low", glucoseLow, 20, 200, false);
        limit(problems, "glucose_high", glucoseHigh, 80, 1000, true);
        limit(problems, "spo2_low", spo2Low, 50, 100, false);
        if (weightGain.kgIn24h() == null || weightGain.kgIn7d() == null
                || !within(weightGain.kgIn24h(), 0.1, 20) || !within(weightGain.kgIn7d(), 0.1, 50)) {
            problems.add("weight_gain: gains must be 0.1–20 kg in 24 h and 0.1–50 kg in 7 days");
        }
        if (!within(missedDoses.warning(), 1, 28) || !within(missedDoses.critical(), 1, 28)) {
            problems.add("missed_doses: doses in a row must be 1–28");
        } else if (missedDoses.critical() < missedDoses.warning()) {
            problems.add("missed_doses: the critical count must not be below the warning count");
        }
        if (!within(noData.days(), 1, 30)) {
            problems.add("no_data: days must be 1–30");
        }
        return problems;
    }

    private static void limit(List<String> problems, String name, Limit limit, double min, double max,
                              boolean high) {
        if (limit.warning() == null || !within(limit.warning(), min, max)
                || (limit.critical() != null && !within(limit.critical(), min, max))) {
            problems.add(name + ": thresholds must be " + (int) min + "–" + (int) max);
        } else if (limit.critical() != null && (high ? limit.critical().compareTo(limit.warning()) < 0
                : limit.critical().compareTo(limit.warning()) > 0)) {
            problems.add(name + ": the critical level must be beyond the warning level");
        }
    }

    private static boolean within(int value, int min, int max) {
        return value >= min && value <= max;
    }

    private static boolean within(BigDecimal value, double min, double max) {
        return value.doubleValue() >= min && value.doubleValue() <= max;
    }
}
