package org.rpmsync.adherence;

import java.time.LocalTime;

/**
 * When a client's doses are due, in the client's local time, and how far either side of it an opening still
 * counts as on time ({@code windowMinutes}, 0–360).
 */
public record Schedule(LocalTime am, LocalTime pm, int windowMinutes) {

    public static final Schedule DEFAULT = new Schedule(LocalTime.of(8, 0), LocalTime.of(20, 0), 120);

    public Schedule {
        if (am == null || pm == null || !am.isBefore(pm)) {
            throw new IllegalArgumentException("the AM dose must be due before the PM dose");
        }
        if (windowMinutes < 0 || windowMinutes > 360) {
            throw new IllegalArgumentException("the window must be 0 to 360 minutes");
        }
    }

    public LocalTime due(Period period) {
        return period == Period.AM ? am : pm;
    }
}
