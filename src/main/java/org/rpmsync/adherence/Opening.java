package org.rpmsync.adherence;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.UUID;

/**
 * A PillBox compartment opening: when (UTC and the client's local wall-clock time) and which compartment, named
 * by the dose it holds ({@code day} 1 = Sunday … 7 = Saturday, and the period).
 */
public record Opening(UUID id, Instant at, LocalDateTime local, int day, Period period, boolean estimated) {

    public Opening {
        if (day < 1 || day > 7) {
            throw new IllegalArgumentException("day must be 1 (Sunday) to 7 (Saturday)");
        }
    }

    /** Tenovi's day number of a date: 1 = Sunday … 7 = Saturday. */
    public static int dayNumber(LocalDate date) {
        return date.getDayOfWeek().getValue() % 7 + 1;
    }

    /** "Monday AM". */
    public String compartment() {
        DayOfWeek dayOfWeek = DayOfWeek.SUNDAY.plus(day - 1L);
        return dayOfWeek.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + period;
    }

    /** True when this compartment holds the dose of that date and period. */
    public boolean holds(LocalDate date, Period slotPeriod) {
        return day == dayNumber(date) && period == slotPeriod;
    }

    public LocalDate localDate() {
        return local.toLocalDate();
    }
}
