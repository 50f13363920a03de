package org.rpmsync.billing;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A client's RPM month (spec §7): the local days of the calendar month, in the client's time zone, with a
 * physiologic reading ({@code vitalDays}) and with any reading ({@code anyDays}) as bit sets (bit d-1 is day d),
 * and the care minutes logged on the month's days. Band and CPT codes follow the 2026 codes; they inform billing
 * staff, they are no claim.
 */
public record RpmMonth(UUID clientId, YearMonth month, ZoneId timeZone, int vitalDays, int anyDays,
                       int careMinutes) {

    /** Days with data needed for the 16–30 day band (CPT 99454). */
    public static final int FULL_BAND_DAYS = 16;

    public int daysWithData() {
        return Integer.bitCount(vitalDays);
    }

    public int daysWithAnyData() {
        return Integer.bitCount(anyDays);
    }

    /** The local dates with physiologic data, in order. */
    public List<LocalDate> dates() {
        List<LocalDate> dates = new ArrayList<>();
        for (int day = 1; day <= month.lengthOfMonth(); day++) {
            if (counted(day)) {
                dates.add(month.atDay(day));
            }
        }
        return dates;
    }

    /** Whether local day {@code day} (1–31) of the month had physiologic data. */
    public boolean counted(int day) {
        return (vitalDays & (1 << (day - 1))) != 0;
    }

    /** Whether local day {@code day} had readings, none of them physiologic (PillBox, battery, steps, sleep …). */
    public boolean otherDataOnly(int day) {
        return !counted(day) && (anyDays & (1 << (day - 1))) != 0;
    }

    public String band() {
        int days = daysWithData();
        return days >= FULL_BAND_DAYS ? "16-30" : days >= 2 ? "2-15" : "none";
    }

    /** 99454 for 16 or more days, 99445 for 2–15, none below. */
    public String cptCode() {
        int days = daysWithData();
        return days >= FULL_BAND_DAYS ? "99454" : days >= 2 ? "99445" : null;
    }

    /** 10–19 minutes: 99470; 20 or more: 99457 and one 99458 for each further full 20 minutes. */
    public List<String> careCptCodes() {
        List<String> codes = new ArrayList<>();
        if (careMinutes >= 20) {
            codes.add("99457");
            for (int more = careMinutes - 20; more >= 20; more -= 20) {
                codes.add("99458");
            }
        } else if (careMinutes >= 10) {
            codes.add("99470");
        }
        return codes;
    }

    /**
     * Near the end of the month ({@code today} in its last 10 days), what it still takes to reach 16 days: "2 more
     * days to reach 16 · 5 days left", or that 16 cannot be reached any more; null when nothing needs saying.
     */
    public String hint(LocalDate today) {
        int days = daysWithData();
        if (days >= FULL_BAND_DAYS || !YearMonth.from(today).equals(month)
                || month.lengthOfMonth() - today.getDayOfMonth() >= 10) {
            return null;
        }
        int left = month.lengthOfMonth() - today.getDayOfMonth() + (counted(today.getDayOfMonth()) ? 0 : 1);
        int needed = FULL_BAND_DAYS - days;
        if (needed > left) {
            return "cannot reach 16 days this month (" + days + " so far)";
        }
        return needed + (needed == 1 ? " more day" : " more days") + " to reach 16 · " + left
                + (left == 1 ? " day left" : " days left");
    }
}
