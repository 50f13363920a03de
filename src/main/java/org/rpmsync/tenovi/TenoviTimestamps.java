package org.rpmsync.tenovi;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * Tenovi's timestamps: {@code Instant.parse} with a zone, {@code LocalDateTime.parse} (UTC) without, once every space
 * became a 'T'. Tenovi's own shape with every field in range is read in one pass instead (the formatters were a sixth
 * of the inbox workers' time); other texts go to the formatters as before. The caller checks the range.
 */
final class TenoviTimestamps {

    private TenoviTimestamps() {
    }

    static Instant parse(String text) {
        Instant common = common(text);
        if (common != null) {
            return common;
        }
        String iso = text.replace(' ', 'T');
        if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:?\\d\\d$")) {
            return Instant.parse(iso);
        }
        return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
    }

    /** {@code yyyy-MM-dd}, 'T' or a space, {@code HH:mm:ss}, '.' and up to 9 digits, 'Z' or nothing; else null. */
    static Instant common(String s) {
        int n = s.length();
        for (int i = 0; i < 19; i++) {
            char c = i < n ? s.charAt(i) : '?';
            char shape = "0000-00-00T00:00:00".charAt(i);
            if (shape == '0' ? c < '0' || c > '9' : c != shape && !(c == ' ' && shape == 'T')) {
                return null;
            }
        }
        int p = 19;
        long nano = 0;
        if (p < n && s.charAt(p) == '.') {
            while (++p < n && p < 29 && s.charAt(p) >= '0' && s.charAt(p) <= '9') {
                nano = nano * 10 + s.charAt(p) - '0';
            }
        }
        int year = two(s, 0) * 100 + two(s, 2);
        int month = two(s, 5);
        int day = two(s, 8);
        if (p != n && !(p == n - 1 && s.charAt(p) == 'Z') || month < 1 || month > 12 || two(s, 11) > 23
                || !YearMonth.of(year, month).isValidDay(day) || s.charAt(14) > '5' || s.charAt(17) > '5') {
            return null;
        }
        long seconds = LocalDate.of(year, month, day).toEpochDay() * 86_400 + two(s, 11) * 3600L
                + two(s, 14) * 60L + two(s, 17);
        return Instant.ofEpochSecond(seconds, nano * (long) Math.pow(10, 29 - p)); // p - 20 digits of fraction
    }

    private static int two(String s, int at) {
        return (s.charAt(at) - '0') * 10 + s.charAt(at + 1) - '0';
    }
}
