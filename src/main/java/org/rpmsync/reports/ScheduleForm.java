package org.rpmsync.reports;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.rpmsync.adherence.Schedule;

/** The dosing schedule as typed: "08:00", "20:00" and a window in minutes either side. */
record ScheduleForm(String am, String pm, Integer window) {

    static ScheduleForm of(Schedule schedule) {
        return new ScheduleForm(schedule.am().toString(), schedule.pm().toString(), schedule.windowMinutes());
    }

    /** The schedule, or empty when the times are not HH:mm, AM is not before PM, or the window is not 0–360. */
    Optional<Schedule> schedule() {
        try {
            return Optional.of(new Schedule(LocalTime.parse(am.strip()), LocalTime.parse(pm.strip()),
                    window == null ? -1 : window));
        } catch (DateTimeParseException | IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
