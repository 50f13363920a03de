package org.rpmsync.measurements;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import org.rpmsync.web.StorableText;

/**
 * One reading as a vendor module hands it over, before it is stored. The natural key that makes a reading unique
 * is (organization, source, deviceId, metric, measuredAt, measurementIndex, rawValue1, rawValue2): it deliberately
 * leaves out when the vendor's server stored it, so the same reading by webhook and by API pull is one row.
 *
 * @param source           the vendor, e.g. {@code tenovi}
 * @param deviceId         the vendor's device id (Tenovi: {@code hwi_device_id})
 * @param patientId        the vendor's patient id from the payload, if any
 * @param metric           the vendor's raw metric name, kept beside the normalized type
 * @param measuredAt       when the device took the reading (UTC)
 * @param utcOffsetMinutes the local offset at the reading, if the vendor says
 * @param measurementIndex tells coincident readings apart; empty when none
 * @param rawValue1        value_1 in canonical form (plain decimal, no trailing zeros); empty when absent
 * @param rawValue2        value_2 in canonical form; empty when absent
 * @param value            the primary normalized value (systolic, pulse, compartment day 1–7, …), if numeric
 * @param value2           the secondary normalized value (diastolic, AM=1/PM=2, …), if any
 * @param unit             UCUM-style unit of {@code value} (mm[Hg], /min, %, mg/dL, [lb_av], [degF], …), if any
 * @param label            a human qualifier: the compartment ("Monday AM") or the meal context
 * @param estimatedTimestamp the vendor estimated {@code measuredAt} because the device clock was unreliable
 */
public record NewReading(String source, String deviceId, String patientId, String metric, ReadingType type,
                         Instant measuredAt, Integer utcOffsetMinutes, String measurementIndex, String rawValue1,
                         String rawValue2, BigDecimal value, BigDecimal value2, String unit, String label,
                         boolean estimatedTimestamp) {

    public NewReading {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(measuredAt, "measuredAt");
        measurementIndex = measurementIndex == null ? "" : measurementIndex;
        rawValue1 = rawValue1 == null ? "" : rawValue1;
        rawValue2 = rawValue2 == null ? "" : rawValue2;
    }

    /**
     * Why this reading cannot be stored — a text longer than its column or holding characters text cannot store —
     * or null when it can. Vendor modules check this before handing readings over, so one odd item is rejected
     * with its reason instead of failing the batch it came with.
     */
    public String unstorable() {
        String[][] texts = {{"source", source, "16"}, {"device id", deviceId, "64"}, {"patient id", patientId, "128"},
                {"metric", metric, "64"}, {"measurement index", measurementIndex, "32"}, {"value 1", rawValue1, "64"},
                {"value 2", rawValue2, "64"}, {"unit", unit, "16"}, {"label", label, "64"}};
        for (String[] t : texts) {
            if (t[1] == null) {
                continue;
            }
            if (t[1].length() > Integer.parseInt(t[2])) {
                return t[0] + " is longer than " + t[2] + " characters";
            }
            String problem = StorableText.problem(t[1]);
            if (problem != null) {
                return t[0] + " " + problem;
            }
        }
        return null;
    }
}
