package org.rpmsync.adherence;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Scores openings against a schedule, a pure function: the one rule for when a dose is due and how it went.
 * Only the days on which the client was monitored with a PillBox are scored (see {@link Monitoring}): none before
 * monitoring began, after it ended, or after today. For each such local date and each period the slot is, in this
 * order of precedence:
 * <ol>
 * <li><b>taken</b>: its compartment opened within the window around the due time (the nearest such opening);</li>
 * <li><b>late</b>: its compartment opened outside the window but the same local day (estimated-time openings
 * only ever count here: they are never on time);</li>
 * <li><b>not monitored</b>: no part of its window lies within a monitored period (a gap between two PillBoxes, the
 * hours before the first one was mapped);</li>
 * <li><b>wrong compartment</b>: another compartment opened within its window instead;</li>
 * <li><b>not yet due</b> while its window is open, else <b>missed</b> (an opening later that day makes it late).</li>
 * </ol>
 * Each opening decides at most one slot; openings in the range that decide none are extras.
 */
public final class Scoring {

    private Scoring() {
    }

    /**
     * The scorecard of the local dates {@code from}–{@code to} (inclusive) as of {@code now} (local), for a client
     * in {@code zone} monitored as {@code monitoring} says.
     */
    public static Scorecard score(Schedule schedule, List<Opening> openings, LocalDate from, LocalDate to,
                                  LocalDateTime now, Monitoring monitoring, ZoneId zone) {
        Optional<LocalDate[]> days = monitoring.clamp(from, to, now.toLocalDate(), zone);
        if (days.isEmpty()) {
            return new Scorecard(schedule, from, to, monitoring, zone, List.of(), List.of());
        }
        LocalDate first = days.get()[0];
        LocalDate last = days.get()[1];
        Map<LocalDate, List<Opening>> byDate = new HashMap<>();
        for (Opening o : openings) {
            byDate.computeIfAbsent(o.localDate(), d -> new ArrayList<>()).add(o);
        }
        byDate.values().forEach(list -> list.sort(Comparator.comparing(Opening::local).thenComparing(Opening::id)));
        List<LocalDate> dates = first.datesUntil(last.plusDays(1)).toList();
        int count = dates.size() * 2;
        Opening[] decided = new Opening[count];
        SlotStatus[] status = new SlotStatus[count];
        Set<Opening> used = new HashSet<>();
        Duration window = Duration.ofMinutes(schedule.windowMinutes());

        for (int i = 0; i < count; i++) {
            LocalDate date = dates.get(i / 2);
            Period period = period(i);
            LocalDateTime due = date.atTime(schedule.due(period));
            Opening best = null;
            for (Opening o : near(byDate, date)) {
                if (!used.contains(o) && !o.estimated() && o.holds(date, period) && within(o, due, window)
                        && (best == null || distance(o, due).compareTo(distance(best, due)) < 0)) {
                    best = o;
                }
            }
            mark(i, best, SlotStatus.TAKEN, decided, status, used);
        }
        for (int i = 0; i < count; i++) {
            LocalDate date = dates.get(i / 2);
            Period period = period(i);
            if (status[i] == null) {
                Opening late = byDate.getOrDefault(date, List.of()).stream()
                        .filter(o -> !used.contains(o) && o.holds(date, period)).findFirst().orElse(null);
                mark(i, late, SlotStatus.LATE, decided, status, used);
            }
        }
        for (int i = 0; i < count; i++) {
            LocalDateTime due = dates.get(i / 2).atTime(schedule.due(period(i)));
            if (status[i] == null && !monitoring.covers(due.minus(window), due.plus(window), zone)) {
                status[i] = SlotStatus.NOT_MONITORED;
            }
        }
        for (int i = 0; i < count; i++) {
            LocalDate date = dates.get(i / 2);
            LocalDateTime due = date.atTime(schedule.due(period(i)));
            if (status[i] == null) {
                Opening wrong = near(byDate, date).stream()
                        .filter(o -> !used.contains(o) && !o.estimated() && within(o, due, window))
                        .findFirst().orElse(null);
                mark(i, wrong, SlotStatus.WRONG_COMPARTMENT, decided, status, used);
            }
        }
        List<Slot> slots = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            LocalDate date = dates.get(i / 2);
            LocalDateTime closes = date.atTime(schedule.due(period(i))).plus(window);
            SlotStatus s = status[i] != null ? status[i]
                    : now.isBefore(closes) ? SlotStatus.NOT_YET_DUE : SlotStatus.MISSED;
            slots.add(new Slot(date, period(i), s, decided[i], null));
        }
        List<Opening> extras = openings.stream()
                .filter(o -> !used.contains(o) && !o.localDate().isBefore(first) && !o.localDate().isAfter(last))
                .sorted(Comparator.comparing(Opening::local).thenComparing(Opening::id))
                .toList();
        return new Scorecard(schedule, from, to, monitoring, zone, slots, extras);
    }

    private static Period period(int index) {
        return index % 2 == 0 ? Period.AM : Period.PM;
    }

    private static void mark(int i, Opening o, SlotStatus s, Opening[] decided, SlotStatus[] status,
                             Set<Opening> used) {
        if (o != null) {
            decided[i] = o;
            status[i] = s;
            used.add(o);
        }
    }

    /** Openings of the date and its neighbours: a window may cross midnight. */
    private static List<Opening> near(Map<LocalDate, List<Opening>> byDate, LocalDate date) {
        List<Opening> near = new ArrayList<>();
        for (LocalDate d = date.minusDays(1); !d.isAfter(date.plusDays(1)); d = d.plusDays(1)) {
            near.addAll(byDate.getOrDefault(d, List.of()));
        }
        return near;
    }

    private static boolean within(Opening o, LocalDateTime due, Duration window) {
        return distance(o, due).compareTo(window) <= 0;
    }

    private static Duration distance(Opening o, LocalDateTime due) {
        return Duration.between(due, o.local()).abs();
    }
}
