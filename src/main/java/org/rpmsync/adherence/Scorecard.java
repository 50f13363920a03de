package org.rpmsync.adherence;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The slots of a date range (in date then AM/PM order), the extra openings, and the counts and percentages.
 * {@code from}/{@code to} is the range asked for; slots exist only for the days the client was monitored with a
 * PillBox ({@code monitoring}, local dates in {@code zone}), up to today.
 */
public record Scorecard(Schedule schedule, LocalDate from, LocalDate to, Monitoring monitoring, ZoneId zone,
                        List<Slot> slots, List<Opening> extras) {

    /** The local date monitoring began, if ever. */
    public LocalDate monitoredSince() {
        return monitoring.since().map(at -> LocalDate.ofInstant(at, zone)).orElse(null);
    }

    /** The local date the last PillBox was removed; null while one is mapped. */
    public LocalDate monitoredUntil() {
        return monitoring.ended().map(at -> LocalDate.ofInstant(at, zone)).orElse(null);
    }

    /** The first scored day (the range's start when nothing was scored). */
    public LocalDate firstDay() {
        return slots.isEmpty() ? from : slots.get(0).date();
    }

    /** The last scored day (the range's end when nothing was scored). */
    public LocalDate lastDay() {
        return slots.isEmpty() ? to : slots.get(slots.size() - 1).date();
    }

    /** True when the range holds no dose that was due: before monitoring, or no PillBox at all. */
    public boolean nothingDue() {
        return due() == 0;
    }

    /** The next moment time alone changes this card: a dose window closing, or the next local midnight. */
    public Instant nextChange(LocalDate today) {
        Instant next = today.plusDays(1).atStartOfDay(zone).toInstant();
        for (Slot s : slots) {
            if (s.status() == SlotStatus.NOT_YET_DUE) {
                Instant closes = s.date().atTime(schedule.due(s.period())).plusMinutes(schedule.windowMinutes())
                        .atZone(zone).toInstant();
                next = closes.isBefore(next) ? closes : next;
            }
        }
        return next;
    }

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
        return new Scorecard(schedule, from, to, monitoring, zone, explained, extras);
    }

    public static String key(LocalDate date, Period period) {
        return date + " " + period;
    }

    /** Sunday-to-Saturday weeks covering the scored days; days without a slot (not scored) have nulls. */
    public List<Week> weeks() {
        if (slots.isEmpty()) {
            return List.of();
        }
        Map<String, Slot> byKey = new HashMap<>();
        slots.forEach(s -> byKey.put(key(s.date(), s.period()), s));
        List<Week> weeks = new ArrayList<>();
        LocalDate last = slots.get(slots.size() - 1).date();
        LocalDate start = slots.get(0).date().with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
        for (LocalDate sunday = start; !sunday.isAfter(last); sunday = sunday.plusWeeks(1)) {
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
