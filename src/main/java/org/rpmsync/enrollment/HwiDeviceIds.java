package org.rpmsync.enrollment;

import java.util.regex.Pattern;
import org.rpmsync.web.ApiProblem;

/** HWI device ids as people type or paste them: trimmed, at most 64 of letters, digits, '.', '_' and '-'. */
final class HwiDeviceIds {

    static final int MAX_LENGTH = 64;
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_LENGTH + "}");

    private HwiDeviceIds() {
    }

    static boolean valid(String value) {
        return value != null && VALID.matcher(value.strip()).matches();
    }

    /** The trimmed id; {@code invalid_input} (422) when empty, too long or with other characters. */
    static String normalize(String raw) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            throw ApiProblem.invalid("hwiDeviceId", "enter the device's HWI ID");
        }
        if (value.length() > MAX_LENGTH) {
            throw ApiProblem.invalid("hwiDeviceId", "an HWI ID has at most " + MAX_LENGTH + " characters");
        }
        if (!VALID.matcher(value).matches()) {
            throw ApiProblem.invalid("hwiDeviceId", "an HWI ID has only letters, digits, '-', '_' and '.'");
        }
        return value;
    }

    /** The id as safe to repeat in a message: at most 64 characters of what was sent. */
    static String shown(String raw) {
        String value = raw == null ? "" : raw.strip();
        return value.length() <= MAX_LENGTH ? value : value.substring(0, MAX_LENGTH) + "…";
    }
}
