package org.rpmsync.clients;

import java.util.ArrayList;
import java.util.List;

/** The new and edit client forms. Never the {@link Client} itself: only these fields can be posted. */
record ClientForm(String firstName, String lastName, String email, String externalId, String timeZone) {

    /** Zones offered in the select; a client's other valid IANA zone is added to the list when editing. */
    static final List<String> COMMON_ZONES = List.of("America/New_York", "America/Chicago", "America/Denver",
            "America/Phoenix", "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu", "America/Puerto_Rico",
            "America/Halifax", "America/Toronto", "America/Vancouver", "America/Mexico_City", "Europe/London",
            "Europe/Berlin", "Australia/Sydney", "UTC");

    static ClientForm empty(String timeZone) {
        return new ClientForm("", "", "", "", timeZone);
    }

    static ClientForm of(Client client) {
        ClientDetails d = client.details();
        return new ClientForm(d.firstName(), d.lastName(), nullToEmpty(d.email()), nullToEmpty(d.externalId()),
                d.timeZone());
    }

    ClientDetails details() {
        return new ClientDetails(firstName, lastName, email, externalId, timeZone);
    }

    /** The select's options: the common zones, plus this form's zone when it is another valid one. */
    List<String> zones() {
        if (timeZone == null || COMMON_ZONES.contains(timeZone) || !ClientRules.isTimeZone(timeZone)) {
            return COMMON_ZONES;
        }
        List<String> zones = new ArrayList<>(COMMON_ZONES);
        zones.add(0, timeZone);
        return zones;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
