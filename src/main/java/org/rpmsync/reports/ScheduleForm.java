package org.rpmsync.reports;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.rpmsync.adherence.Schedule;

/** The dosing schedule as typed: "08:00", "20:00" and a window in minutes either side. */
record ScheduleForm(String am, String pm, Integer window) implements java.io.Serializable {

    static ScheduleForm of(Schedule schedule) {
        return new ScheduleForm(schedule.am().toString(), schedule.pm().toString(), schedule.windowMinutes());
    }

    /** The schedule, or empty when {@link #problem()} has something to say. */
    Optional<Schedule> schedule() {
        return problem() == null ? Optional.of(new Schedule(time(am), time(pm), window)) : Optional.empty();
    }

    /** What is wrong with the form, in words for the person who typed it; null when it is a valid schedule. */
    String problem() {
        LocalTime morning = time(am);
        LocalTime evening = time(pm);
        if (morning == null) {
            return "the AM dose needs a time such as 08:00.";
        }
        if (evening == null) {
            return "the PM dose needs a time such as 20:00.";
        }
        if (!morning.isBefore(evening)) {
            return "the AM dose must be due before the PM dose.";
        }
        if (window == null || window < 0 || window > 360) {
            return "the window must be 0 to 360 minutes either side of the due time.";
        }
        return null;
    }

    private static LocalTime time(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
