package org.rpmsync.clients;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Cleans and checks {@link ClientDetails}: one place for the rules the API, the pages and bulk share. */
final class ClientRules {

    static final int NAME_MAX = 100;
    static final int EMAIL_MAX = 320;
    static final int EXTERNAL_ID_MAX = 128;
    private static final Set<String> ZONES = Set.copyOf(ZoneId.getAvailableZoneIds());
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    private ClientRules() {
    }

    /** The details stripped, blanks made null, an absent time zone defaulted; or the problems found. */
    record Checked(ClientDetails details, List<ClientRejected.FieldProblem> problems) {

        boolean valid() {
            return problems.isEmpty();
        }

        ClientDetails orThrow() {
            if (!valid()) {
                throw new ClientRejected("invalid_input", problems);
            }
            return details;
        }
    }

    static Checked check(ClientDetails raw, String defaultTimeZone) {
        List<ClientRejected.FieldProblem> problems = new ArrayList<>();
        String firstName = clean(raw.firstName());
        String lastName = clean(raw.lastName());
        String email = clean(raw.email());
        String externalId = clean(raw.externalId());
        String timeZone = clean(raw.timeZone());
        name("firstName", firstName, problems);
        name("lastName", lastName, problems);
        if (email != null && (email.length() > EMAIL_MAX || !EMAIL.matcher(email).matches())) {
            problems.add(new ClientRejected.FieldProblem("email", "is not a valid email address"));
        }
        if (externalId != null && externalId.length() > EXTERNAL_ID_MAX) {
            problems.add(new ClientRejected.FieldProblem("externalId",
                    "must be at most " + EXTERNAL_ID_MAX + " characters"));
        }
        if (timeZone == null) {
            timeZone = defaultTimeZone;
        } else if (!isTimeZone(timeZone)) {
            problems.add(new ClientRejected.FieldProblem("timeZone",
                    "must be an IANA time zone such as America/New_York"));
        }
        return new Checked(new ClientDetails(firstName, lastName, email, externalId, timeZone), problems);
    }

    static boolean isTimeZone(String value) {
        return value != null && ZONES.contains(value);
    }

    private static void name(String field, String value, List<ClientRejected.FieldProblem> problems) {
        if (value == null) {
            problems.add(new ClientRejected.FieldProblem(field, "is required"));
        } else if (value.length() > NAME_MAX) {
            problems.add(new ClientRejected.FieldProblem(field, "must be at most " + NAME_MAX + " characters"));
        }
    }

    private static String clean(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
