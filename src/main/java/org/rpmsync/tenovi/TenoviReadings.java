package org.rpmsync.tenovi;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.Locale;
import org.rpmsync.measurements.NewReading;
import org.rpmsync.measurements.ReadingType;
import org.springframework.stereotype.Component;

/**
 * Turns a Tenovi measurement into the neutral vocabulary (spec §5), with units. PillBox compartments come from
 * value_1 (1 = Sunday … 7 = Saturday) and value_2 (1 = AM, 2 = PM), cross-checked with
 * {@code filter_params.compartment}. Unknown metrics become OTHER with their raw values: nothing is dropped.
 */
@Component
class TenoviReadings {

    private final TenoviUnits units;

    TenoviReadings(TenoviUnits units) {
        this.units = units;
    }

    /** The reading, or an {@link TenoviPayloads.InvalidItem} saying why this measurement cannot be one. */
    NewReading translate(TenoviMeasurement m) {
        BigDecimal v1 = number(m.value1());
        BigDecimal v2 = number(m.value2());
        String metric = m.metric();
        return switch (metric) {
            case "pillbox_opened" -> compartment(m, ReadingType.MEDICATION_COMPARTMENT_OPENED, v1, v2);
            case "pillbox_refilled" -> compartment(m, ReadingType.MEDICATION_COMPARTMENT_REFILLED, v1, v2);
            case "pillbox_refill_initiated" -> reading(m, ReadingType.MEDICATION_REFILL_STARTED, v1, null, null, null);
            case "blood_pressure" -> reading(m, ReadingType.BLOOD_PRESSURE, required(v1, m), required(v2, m), "mm[Hg]", null);
            case "pulse" -> reading(m, ReadingType.PULSE, required(v1, m), null, "/min", null);
            case "spO2", "spo2" -> reading(m, ReadingType.SPO2, required(v1, m), null, "%", null);
            case "perfusion_index" -> reading(m, ReadingType.PERFUSION_INDEX, required(v1, m), null, "%", null);
            case "glucose", "blood_glucose" ->
                    reading(m, ReadingType.GLUCOSE, required(v1, m), null, "mg/dL", m.filter("meal_context"));
            case "weight" -> reading(m, ReadingType.WEIGHT, required(v1, m), null, units.weight(), null);
            case "temperature" -> reading(m, ReadingType.TEMPERATURE, required(v1, m), null, units.temperature(), null);
            case "peak_expiratory_flow", "peak_flow" ->
                    reading(m, ReadingType.PEAK_FLOW, required(v1, m), null, "L/min", null);
            case "steps" -> reading(m, ReadingType.STEPS, required(v1, m), null, "{steps}", null);
            case "sleep" -> reading(m, ReadingType.SLEEP, required(v1, m), null, "h", null);
            case "heart_rate_statistics" -> reading(m, ReadingType.HEART_RATE, required(v1, m), v2, "/min", null);
            case "battery_percentage" -> reading(m, ReadingType.BATTERY, required(v1, m), null, "%", null);
            default -> reading(m, ReadingType.OTHER, v1, v2, null, null);
        };
    }

    /** "Monday AM" for day 2 (Monday), period 1 (AM). */
    static String compartmentName(int day, int period) {
        DayOfWeek dayOfWeek = DayOfWeek.SUNDAY.plus(day - 1L);
        return dayOfWeek.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + (period == 1 ? " AM" : " PM");
    }

    private NewReading compartment(TenoviMeasurement m, ReadingType type, BigDecimal day, BigDecimal period) {
        String fromValues = validCompartment(day, period) ? compartmentName(day.intValue(), period.intValue()) : null;
        String fromFilter = m.filter("compartment");
        if (fromValues != null && fromFilter != null && !fromFilter.equalsIgnoreCase(fromValues)) {
            throw new TenoviPayloads.InvalidItem("compartment disagrees: value_1/value_2 say " + fromValues
                    + ", filter_params.compartment says " + fromFilter);
        }
        if (fromValues == null) {
            int[] parsed = parseCompartment(fromFilter);
            if (parsed == null) {
                throw new TenoviPayloads.InvalidItem("no valid compartment: value_1 must be 1-7 and value_2 1-2");
            }
            day = BigDecimal.valueOf(parsed[0]);
            period = BigDecimal.valueOf(parsed[1]);
            fromValues = compartmentName(parsed[0], parsed[1]);
        }
        return reading(m, type, day, period, null, fromValues);
    }

    private static boolean validCompartment(BigDecimal day, BigDecimal period) {
        return day != null && period != null && day.stripTrailingZeros().scale() <= 0
                && day.intValue() >= 1 && day.intValue() <= 7 && (period.intValue() == 1 || period.intValue() == 2)
                && period.stripTrailingZeros().scale() <= 0;
    }

    private static int[] parseCompartment(String name) {
        if (name == null) {
            return null;
        }
        for (int day = 1; day <= 7; day++) {
            for (int period = 1; period <= 2; period++) {
                if (compartmentName(day, period).equalsIgnoreCase(name.strip())) {
                    return new int[] {day, period};
                }
            }
        }
        return null;
    }

    private static NewReading reading(TenoviMeasurement m, ReadingType type, BigDecimal value, BigDecimal value2,
                                      String unit, String label) {
        NewReading reading = new NewReading(TenoviAccount.SOURCE, m.hwiDeviceId(), blankToNull(m.patientId()), m.metric(), type,
                m.timestamp(), m.timezoneOffsetMinutes(), m.filter("measurement_index"), canonical(m.value1()),
                canonical(m.value2()), value, value2, unit, label, m.estimatedTimestamp());
        String unstorable = reading.unstorable();
        if (unstorable != null) {
            throw new TenoviPayloads.InvalidItem(unstorable);
        }
        return reading;
    }

    private static BigDecimal required(BigDecimal value, TenoviMeasurement m) {
        if (value == null) {
            throw new TenoviPayloads.InvalidItem(m.metric() + " needs a numeric value_1 and value_2 where it has two");
        }
        return value;
    }

    static BigDecimal number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(text.strip());
            // Absurd exponents ("1e999999999") are kept as text, never expanded.
            return Math.abs(number.scale()) > 30 || number.precision() > 40 ? null : number;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** "128.00", "128" and 128 are one value: plain decimal without trailing zeros; other text as sent. */
    static String canonical(String text) {
        BigDecimal number = number(text);
        if (number != null) {
            return number.stripTrailingZeros().toPlainString();
        }
        return text == null ? "" : text.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
