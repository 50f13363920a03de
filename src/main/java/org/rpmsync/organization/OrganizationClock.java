package org.rpmsync.organization;

import java.time.ZoneId;
import org.springframework.stereotype.Component;

/**
 * The one place that decides in which time zone the organization pages show times. Today every organization
 * shows UTC; a per-organization clinic time zone only has to change {@link #times(OrganizationId)}.
 */
@Component
public class OrganizationClock {

    private static final ZoneId UTC = ZoneId.of("UTC");

    /** How the pages of this organization (null: the platform pages) show times. */
    public OrganizationTimes times(OrganizationId organization) {
        return new OrganizationTimes(UTC);
    }

    /** The zone of {@link #times(OrganizationId)}, e.g. to turn a date range typed on a page into instants. */
    public ZoneId zone(OrganizationId organization) {
        return times(organization).zone();
    }
}
