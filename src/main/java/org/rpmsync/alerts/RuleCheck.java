package org.rpmsync.alerts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.rpmsync.measurements.Reading;

/**
 * Checks one reading against the rules, a pure function. {@code weights} are the client's weights (kg) measured in
 * the 7 days before the reading, with their age in hours, for the weight-gain rule.
 */
final class RuleCheck {

    private static final BigDecimal KG_PER_LB = new BigDecimal("0.45359237");
    private static final BigDecimal MG_DL_PER_MMOL_L = new BigDecimal("18.016");

    private RuleCheck() {
    }

    record PriorWeight(BigDecimal kg, double hoursBefore) {
    }

    static List<Breach> check(AlertRules rules, Reading r, List<PriorWeight> weights) {
        List<Breach> breaches = new ArrayList<>();
        if (r.value1() == null) {
            return breaches;
        }
        switch (r.type()) {
            case BLOOD_PRESSURE -> pressure(rules, r, breaches);
            case GLUCOSE -> {
                BigDecimal mgDl = "mmol/L".equals(r.unit()) ? r.value1().multiply(MG_DL_PER_MMOL_L) : r.value1();
                String value = plain(mgDl.setScale(0, RoundingMode.HALF_UP)) + " mg/dL";
                below(rules.glucoseLow(), AlertRule.GLUCOSE_LOW, mgDl, value, breaches);
                above(rules.glucoseHigh(), AlertRule.GLUCOSE_HIGH, mgDl, value, breaches);
            }
            case SPO2 -> below(rules.spo2Low(), AlertRule.SPO2_LOW, r.value1(), plain(r.value1()) + " %", breaches);
            case WEIGHT -> weight(rules.weightGain(), kg(r), weights, breaches);
            default -> {
            }
        }
        return breaches;
    }

    /** The reading's weight in kg (pounds converted); null when it is no weight in a known unit. */
    static BigDecimal kg(Reading r) {
        if (r.value1() == null) {
            return null;
        }
        return switch (r.unit() == null ? "" : r.unit()) {
            case "[lb_av]", "lb", "lbs" -> r.value1().multiply(KG_PER_LB);
            case "kg" -> r.value1();
            case "g" -> r.value1().movePointLeft(3);
            default -> null;
        };
    }

    private static void pressure(AlertRules rules, Reading r, List<Breach> breaches) {
        int systolic = r.value1().intValue();
        int diastolic = r.value2() == null ? 0 : r.value2().intValue();
        String value = systolic + "/" + (r.value2() == null ? "?" : diastolic) + " mmHg";
        AlertRules.Pressure high = rules.bloodPressureHigh();
        if (high.enabled()) {
            if (systolic >= high.criticalSystolic() || diastolic >= high.criticalDiastolic()) {
                breaches.add(new Breach(AlertRule.BLOOD_PRESSURE_HIGH, Severity.CRITICAL, value));
            } else if (systolic >= high.warningSystolic() || diastolic >= high.warningDiastolic()) {
                breaches.add(new Breach(AlertRule.BLOOD_PRESSURE_HIGH, Severity.WARNING, value));
            }
        }
        below(rules.bloodPressureLow(), AlertRule.BLOOD_PRESSURE_LOW, r.value1(), value, breaches);
    }

    private static void below(AlertRules.Limit limit, AlertRule rule, BigDecimal v, String value,
                              List<Breach> breaches) {
        if (!limit.enabled()) {
            return;
        }
        if (limit.critical() != null && v.compareTo(limit.critical()) < 0) {
            breaches.add(new Breach(rule, Severity.CRITICAL, value));
        } else if (v.compareTo(limit.warning()) < 0) {
            breaches.add(new Breach(rule, Severity.WARNING, value));
        }
    }

    private static void above(AlertRules.Limit limit, AlertRule rule, BigDecimal v, String value,
                              List<Breach> breaches) {
        if (!limit.enabled()) {
            return;
        }
        if (limit.critical() != null && v.compareTo(limit.critical()) > 0) {
            breaches.add(new Breach(rule, Severity.CRITICAL, value));
        } else if (v.compareTo(limit.warning()) > 0) {
            breaches.add(new Breach(rule, Severity.WARNING, value));
        }
    }

    private static void weight(AlertRules.WeightGain rule, BigDecimal kg, List<PriorWeight> weights,
                               List<Breach> breaches) {
        if (!rule.enabled() || kg == null || weights.isEmpty()) {
            return;
        }
        BigDecimal day = weights.stream().filter(w -> w.hoursBefore() <= 24).map(PriorWeight::kg)
                .min(BigDecimal::compareTo).orElse(null);
        BigDecimal week = weights.stream().map(PriorWeight::kg).min(BigDecimal::compareTo).orElse(null);
        if (day != null && kg.subtract(day).compareTo(rule.kgIn24h()) >= 0) {
            breaches.add(new Breach(AlertRule.WEIGHT_GAIN, Severity.WARNING,
                    "+" + plain(kg.subtract(day).setScale(1, RoundingMode.HALF_UP)) + " kg in 24 h"));
        } else if (week != null && kg.subtract(week).compareTo(rule.kgIn7d()) >= 0) {
            breaches.add(new Breach(AlertRule.WEIGHT_GAIN, Severity.WARNING,
                    "+" + plain(kg.subtract(week).setScale(1, RoundingMode.HALF_UP)) + " kg in 7 days"));
        }
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
