package org.rpmsync.measurements;

import org.rpmsync.web.StorableText;

/**
 * An item that could not become a reading, kept with the reason and its raw text (capped). Characters text cannot
 * store (NUL, unpaired surrogates) are written as {@code \\uXXXX}, so keeping a rejected item can never fail.
 */
public record Rejection(String reason, String rawItem) {

    public Rejection {
        reason = reason == null || reason.isBlank() ? "unreadable item" : cap(StorableText.escaped(reason), 300);
        rawItem = rawItem == null ? null : cap(StorableText.escaped(rawItem), 2000);
    }

    private static String cap(String value, int max) {
        if (value.length() <= max) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
        return value.substring(0, end);
    }
}
