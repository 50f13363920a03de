package org.rpmsync.billing;

import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * One local day of a client's transmission log: the day's first reading (its local time, type and device), the
 * first physiologic one (null when the day had none: it does not count for RPM) and how many readings arrived.
 */
public record TransmissionDay(LocalDate date, ZonedDateTime firstAt, String firstType, String firstDevice,
                              ZonedDateTime firstVitalAt, String firstVitalType, String firstVitalDevice,
                              int readings) {

    public boolean counts() {
        return firstVitalAt != null;
    }
}
