package org.rpmsync.measurements;

/** An item that could not become a reading, kept with the reason and its raw text (capped). */
public record Rejection(String reason, String rawItem) {

    public Rejection {
        reason = reason == null || reason.isBlank() ? "unreadable item" : cap(reason, 300);
        rawItem = rawItem == null ? null : cap(rawItem, 2000);
    }

    private static String cap(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
