package org.rpmsync.clients;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code rpmsync.clients.*}: the time zone a new client gets when none is given. */
@ConfigurationProperties("rpmsync.clients")
record ClientSettings(@DefaultValue("America/New_York") String defaultTimeZone) {

    ClientSettings {
        if (defaultTimeZone == null || defaultTimeZone.isBlank()) {
            defaultTimeZone = "America/New_York";
        }
        if (!ZoneId.getAvailableZoneIds().contains(defaultTimeZone)) {
            throw new IllegalArgumentException("rpmsync.clients.default-time-zone must be an IANA time zone");
        }
    }
}
