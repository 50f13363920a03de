package org.rpmsync.alerts;

import org.rpmsync.web.ApiProblem;

/**
 * What staff write down with an acknowledgement or a care-time entry: the minutes spent (0–240) and a note (at most
 * 1,000 characters). The alerts keep the rule because an acknowledgement's minutes become care time.
 */
public final class CareNote {

    public static final int MAX_MINUTES = 240;

    private CareNote() {
    }

    /** Refuses (400 {@code invalid_input}) minutes outside 0–240 and a note over 1,000 characters. */
    public static void validate(String note, Integer minutes) {
        if (minutes != null && (minutes < 0 || minutes > MAX_MINUTES)) {
            throw ApiProblem.invalid("minutes", "must be 0 to " + MAX_MINUTES);
        }
        if (note != null && note.length() > 1000) {
            throw ApiProblem.invalid("note", "must be at most 1,000 characters");
        }
    }

    /** The note as stored: stripped, null when blank. */
    public static String clean(String note) {
        return note == null || note.isBlank() ? null : note.strip();
    }
}
