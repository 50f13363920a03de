package org.rpmsync.adherence;

import java.time.LocalDate;

/**
 * One due dose and how it went; {@code opening} is the opening that decided it (null when missed or not yet due),
 * {@code reason} a practitioner's note on a missed dose (null when none).
 */
public record Slot(LocalDate date, Period period, SlotStatus status, Opening opening, String reason) {

    Slot withReason(String note) {
        return new Slot(date, period, status, opening, note);
    }

    /** A missed dose a practitioner explained: left out of the adjudicated percentage. */
    public boolean excused() {
        return status == SlotStatus.MISSED && reason != null;
    }
}
