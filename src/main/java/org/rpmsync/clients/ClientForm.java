package org.rpmsync.clients;

import java.util.List;

/** The new and edit client forms. Never the {@link Client} itself: only these fields can be posted. */
record ClientForm(String firstName, String lastName, String email, String externalId, String timeZone) {

    /** Zones suggested beside the time zone field; any IANA zone may be typed. */
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

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
