package org.rpmsync.integrations;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Tenovi client domain (the organization's slug in Tenovi). Accepts the bare slug or a pasted Tenovi URL such
 * as {@code https://app.tenovi.com/org/myclinic/} or {@code https://api2.tenovi.com/clients/myclinic/hwi/...}.
 */
final class ClientDomain {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?");
    private static final Pattern IN_URL = Pattern.compile("/(?:org|clients)/([^/?#]+)");

    private ClientDomain() {
    }

    /** The slug, lower-cased, or empty when the input is neither a valid slug nor a Tenovi URL holding one. */
    static Optional<String> parse(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String value = input.strip();
        if (value.contains("://") || value.startsWith("app.tenovi.com") || value.startsWith("api2.tenovi.com")) {
            Matcher m = IN_URL.matcher(value);
            if (!m.find()) {
                return Optional.empty();
            }
            value = m.group(1);
        }
        value = value.toLowerCase();
        return SLUG.matcher(value).matches() ? Optional.of(value) : Optional.empty();
    }
}
