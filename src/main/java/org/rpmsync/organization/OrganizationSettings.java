package org.rpmsync.organization;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code rpmsync.organization.*}: the clinic time zone of organizations that have not chosen one. */
@ConfigurationProperties("rpmsync.organization")
record OrganizationSettings(@DefaultValue("America/New_York") ZoneId defaultTimeZone) {
}
