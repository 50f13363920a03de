package org.rpmsync.adherence;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The slots of a date range (in date then AM/PM order), the extra openings, and the counts and percentages. */
public record Scorecard(Schedule schedule, LocalDate from, LocalDate to, List<Slot> slots, List<Opening> extras) {

    public long count(SlotStatus status) {
        return slots.stream().filter(s -> s.status() == status).count();
    }

    public long due() {
        return slots.stream().filter(s -> s.status().due()).count();
    }

    public long excused() {
        return slots.stream().filter(Slot::excused).count();
    }

    /** Taken on time, percent of due slots; null when nothing was due. */
    public Integer percentOnTime() {
        return percent(count(SlotStatus.TAKEN), due());
    }

    /** Taken at all (on time or late), percent of due slots. */
    public Integer percentTaken() {
        return percent(count(SlotStatus.TAKEN) + count(SlotStatus.LATE), due());
    }

    /** As {@link #percentTaken()}, leaving out the missed doses a practitioner explained. */
    public Integer percentTakenAdjudicated() {
        return percent(count(SlotStatus.TAKEN) + count(SlotStatus.LATE), due() - excused());
    }

    /** As {@link #percentOnTime()}, leaving out the explained missed doses. */
    public Integer percentOnTimeAdjudicated() {
        return percent(count(SlotStatus.TAKEN), due() - excused());
    }

    /** The newest {@code limit} missed slots, newest first (for the reasons form). */
    public List<Slot> recentMissed(int limit) {
        List<Slot> missed = new ArrayList<>(slots.stream().filter(s -> s.status() == SlotStatus.MISSED).toList());
        java.util.Collections.reverse(missed);
        return missed.subList(0, Math.min(limit, missed.size()));
    }

    /** The same card with practitioners' reasons on its missed slots (keyed "2025-03-09 AM"). */
    public Scorecard withReasons(Map<String, String> reasons) {
        List<Slot> explained = slots.stream()
                .map(s -> s.status() == SlotStatus.MISSED && reasons.containsKey(key(s.date(), s.period()))
                        ? s.withReason(reasons.get(key(s.date(), s.period()))) : s)
                .toList();
        return new Scorecard(schedule, from, to, explained, extras);
    }

    public static String key(LocalDate date, Period period) {
        return date + " " + period;
    }

    /** Sunday-to-Saturday weeks covering the range; days outside the range have no slots. */
    public List<Week> weeks() {
        Map<String, Slot> byKey = new HashMap<>();
        slots.forEach(s -> byKey.put(key(s.date(), s.period()), s));
        List<Week> weeks = new ArrayList<>();
        LocalDate start = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
        for (LocalDate sunday = start; !sunday.isAfter(to); sunday = sunday.plusWeeks(1)) {
            List<Week.Day> days = new ArrayList<>(7);
            for (int i = 0; i < 7; i++) {
                LocalDate date = sunday.plusDays(i);
                days.add(new Week.Day(date, byKey.get(key(date, Period.AM)), byKey.get(key(date, Period.PM))));
            }
            weeks.add(new Week(sunday, days));
        }
        return weeks;
    }

    private static Integer percent(long part, long whole) {
        return whole <= 0 ? null : (int) Math.round(100.0 * part / whole);
    }

    /** One row of the grid. */
    public record Week(LocalDate sunday, List<Day> days) {

        /** A day of the week; its slots are null outside the range. */
        public record Day(LocalDate date, Slot am, Slot pm) {
        }
    }
}
