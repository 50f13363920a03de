package org.rpmsync.alerts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rpmsync.measurements.Reading;
import org.rpmsync.measurements.ReadingType;

import static org.assertj.core.api.Assertions.assertThat;

/** Every default rule at its edges (spec §7). */
class RuleCheckTests {

    static Reading reading(ReadingType type, String v1, String v2, String unit) {
        return new Reading(UUID.randomUUID(), UUID.randomUUID(), "tenovi", "d", type.code(), type, Instant.EPOCH, null,
                "", v1, v2, new BigDecimal(v1), v2 == null ? null : new BigDecimal(v2), unit, null, false, false,
                Instant.EPOCH);
    }

    static List<String> check(Reading r, RuleCheck.PriorWeight... prior) {
        return RuleCheck.check(AlertRules.DEFAULTS, r, List.of(prior)).stream()
                .map(b -> b.rule().code() + ":" + b.severity().code()).toList();
    }

    static List<String> bp(int systolic, int diastolic) {
        return check(reading(ReadingType.BLOOD_PRESSURE, "" + systolic, "" + diastolic, "mm[Hg]"));
    }

    @Test
    void bloodPressureHighAtItsEdges() {
        assertThat(bp(159, 99)).isEmpty();
        assertThat(bp(160, 80)).containsExactly("blood_pressure_high:warning");
        assertThat(bp(120, 100)).containsExactly("blood_pressure_high:warning");
        assertThat(bp(179, 119)).containsExactly("blood_pressure_high:warning");
        assertThat(bp(180, 90)).containsExactly("blood_pressure_high:critical");
        assertThat(bp(150, 120)).containsExactly("blood_pressure_high:critical");
        assertThat(RuleCheck.check(AlertRules.DEFAULTS, reading(ReadingType.BLOOD_PRESSURE, "182", "104", "mm[Hg]"),
                List.of()).get(0).value()).isEqualTo("182/104 mmHg");
    }

    @Test
    void bloodPressureLowAtItsEdges() {
        assertThat(bp(90, 60)).isEmpty();
        assertThat(bp(89, 60)).containsExactly("blood_pressure_low:warning");
        assertThat(bp(80, 50)).containsExactly("blood_pressure_low:warning");
        assertThat(bp(79, 50)).containsExactly("blood_pressure_low:critical");
    }

    @Test
    void glucoseAtItsEdges() {
        assertThat(check(reading(ReadingType.GLUCOSE, "70", null, "mg/dL"))).isEmpty();
        assertThat(check(reading(ReadingType.GLUCOSE, "69", null, "mg/dL"))).containsExactly("glucose_low:warning");
        assertThat(check(reading(ReadingType.GLUCOSE, "54", null, "mg/dL"))).containsExactly("glucose_low:warning");
        assertThat(check(reading(ReadingType.GLUCOSE, "53", null, "mg/dL"))).containsExactly("glucose_low:critical");
        assertThat(check(reading(ReadingType.GLUCOSE, "250", null, "mg/dL"))).isEmpty();
        assertThat(check(reading(ReadingType.GLUCOSE, "251", null, "mg/dL"))).containsExactly("glucose_high:warning");
        assertThat(check(reading(ReadingType.GLUCOSE, "400", null, "mg/dL"))).containsExactly("glucose_high:warning");
        assertThat(check(reading(ReadingType.GLUCOSE, "401", null, "mg/dL"))).containsExactly("glucose_high:critical");
        assertThat(check(reading(ReadingType.GLUCOSE, "2.8", null, "mmol/L"))).containsExactly("glucose_low:critical");
    }

    @Test
    void spo2AtItsEdges() {
        assertThat(check(reading(ReadingType.SPO2, "92", null, "%"))).isEmpty();
        assertThat(check(reading(ReadingType.SPO2, "91", null, "%"))).containsExactly("spo2_low:warning");
        assertThat(check(reading(ReadingType.SPO2, "88", null, "%"))).containsExactly("spo2_low:warning");
        assertThat(check(reading(ReadingType.SPO2, "87", null, "%"))).containsExactly("spo2_low:critical");
    }

    @Test
    void weightGainIn24HoursOrSevenDays() {
        Reading now = reading(ReadingType.WEIGHT, "80.9", null, "kg");
        assertThat(check(now, new RuleCheck.PriorWeight(new BigDecimal("80.0"), 20))).containsExactly("weight_gain:warning");
        assertThat(check(now, new RuleCheck.PriorWeight(new BigDecimal("80.1"), 20))).isEmpty();
        assertThat(check(now, new RuleCheck.PriorWeight(new BigDecimal("80.0"), 30))).isEmpty();
        assertThat(check(now, new RuleCheck.PriorWeight(new BigDecimal("78.6"), 150))).containsExactly("weight_gain:warning");
        assertThat(check(now, new RuleCheck.PriorWeight(new BigDecimal("78.7"), 150))).isEmpty();
        // Pounds are converted: 180 lb is 81.6 kg, 2 lb more within a day is 0.907 kg.
        assertThat(check(reading(ReadingType.WEIGHT, "182", null, "[lb_av]"),
                new RuleCheck.PriorWeight(new BigDecimal("180").multiply(new BigDecimal("0.45359237")), 10)))
                .containsExactly("weight_gain:warning");
        assertThat(check(now)).isEmpty();
    }

    @Test
    void aSwitchedOffRuleNeverRaises() {
        AlertRules off = new AlertRules(new AlertRules.Pressure(false, 160, 100, 180, 120),
                AlertRules.DEFAULTS.bloodPressureLow(), AlertRules.DEFAULTS.glucoseLow(),
                AlertRules.DEFAULTS.glucoseHigh(), AlertRules.DEFAULTS.spo2Low(), AlertRules.DEFAULTS.weightGain(), null, null);
        assertThat(RuleCheck.check(off, reading(ReadingType.BLOOD_PRESSURE, "200", "130", "mm[Hg]"), List.of()))
                .isEmpty();
    }

    @Test
    void rulesOutsideSaneRangesAreRefused() {
        AlertRules silly = new AlertRules(new AlertRules.Pressure(true, 500, 100, 180, 120),
                AlertRules.DEFAULTS.bloodPressureLow(), AlertRules.DEFAULTS.glucoseLow(),
                AlertRules.DEFAULTS.glucoseHigh(), AlertRules.DEFAULTS.spo2Low(), AlertRules.DEFAULTS.weightGain(), null, null);
        assertThat(silly.problems()).singleElement().asString().startsWith("blood_pressure_high:");
        assertThat(AlertRules.DEFAULTS.problems()).isEmpty();
    }

    @Test
    void scheduledRulesOutsideSaneRangesAreRefusedAndOmittedOnesKeepTheirDefaults() {
        AlertRules d = AlertRules.DEFAULTS;
        assertThat(new AlertRules(d.bloodPressureHigh(), d.bloodPressureLow(), d.glucoseLow(), d.glucoseHigh(),
                d.spo2Low(), d.weightGain(), new AlertRules.MissedDoses(true, 4, 2), null).problems())
                .singleElement().asString().startsWith("missed_doses:");
        assertThat(new AlertRules(d.bloodPressureHigh(), d.bloodPressureLow(), d.glucoseLow(), d.glucoseHigh(),
                d.spo2Low(), d.weightGain(), null, new AlertRules.NoData(true, 0)).problems())
                .singleElement().asString().startsWith("no_data:");
        AlertRules omitted = new AlertRules(d.bloodPressureHigh(), d.bloodPressureLow(), d.glucoseLow(),
                d.glucoseHigh(), d.spo2Low(), d.weightGain(), null, null);
        assertThat(omitted.missedDoses()).isEqualTo(new AlertRules.MissedDoses(true, 2, 4));
        assertThat(omitted.noData()).isEqualTo(new AlertRules.NoData(true, 3));
    }
}
