package org.rpmsync.adherence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties of the scoring over random schedules and openings (seeded, so failures reproduce). */
class ScoringPropertyTests {

    static final int RUNS = 500;

    record Case(Schedule schedule, List<Opening> openings, LocalDate from, LocalDate to, LocalDateTime now) {
    }

    static Case randomCase(Random random) {
        int am = 5 * 60 + random.nextInt(6 * 60);
        int pm = 14 * 60 + random.nextInt(8 * 60);
        Schedule schedule = new Schedule(LocalTime.ofSecondOfDay(am * 60L), LocalTime.ofSecondOfDay(pm * 60L),
                random.nextInt(241));
        LocalDate from = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(700));
        LocalDate to = from.plusDays(random.nextInt(21));
        List<Opening> openings = new ArrayList<>();
        int count = random.nextInt(60);
        for (int i = 0; i < count; i++) {
            LocalDateTime at = from.minusDays(1).atStartOfDay().plusMinutes(random.nextInt((int) (
                    (to.toEpochDay() - from.toEpochDay() + 3) * 24 * 60)));
            boolean right = random.nextInt(3) > 0;
            int day = right ? Opening.dayNumber(at.toLocalDate()) : 1 + random.nextInt(7);
            Period period = random.nextBoolean() ? Period.AM : Period.PM;
            openings.add(new Opening(new UUID(0, i), Instant.EPOCH, at, day, period, random.nextInt(10) == 0));
        }
        LocalDateTime now = from.atStartOfDay().plusMinutes(random.nextInt(30 * 24 * 60));
        return new Case(schedule, openings, from, to, now);
    }

    static Scorecard score(Case c) {
        return Scoring.score(c.schedule(), c.openings(), c.from(), c.to(), c.now(), ScoringTests.ALWAYS,
                ScoringTests.UTC);
    }

    @Test
    void everyDaysTwoSlotsGetExactlyOneStatusAndTheCountsAddUp() {
        Random random = new Random(20251109L);
        for (int run = 0; run < RUNS; run++) {
            Case c = randomCase(random);
            Scorecard card = score(c);
            long days = Math.max(0, Math.min(c.to().toEpochDay(), c.now().toLocalDate().toEpochDay())
                    - c.from().toEpochDay() + 1);
            assertThat(card.slots()).hasSize((int) days * 2).allMatch(s -> s.status() != null);
            Set<String> keys = new HashSet<>();
            card.slots().forEach(s -> keys.add(Scorecard.key(s.date(), s.period())));
            assertThat(keys).hasSize(card.slots().size());
            assertThat(card.count(SlotStatus.TAKEN) + card.count(SlotStatus.LATE) + card.count(SlotStatus.MISSED)
                    + card.count(SlotStatus.WRONG_COMPARTMENT)).isEqualTo(card.due());
            assertThat(card.due() + card.count(SlotStatus.NOT_YET_DUE)).isEqualTo(days * 2);
        }
    }

    @Test
    void eachOpeningDecidesAtMostOneSlotAndTakenMeansTheRightCompartmentOnTime() {
        Random random = new Random(7L);
        for (int run = 0; run < RUNS; run++) {
            Case c = randomCase(random);
            Scorecard card = score(c);
            List<Opening> deciding = card.slots().stream().filter(s -> s.opening() != null).map(Slot::opening).toList();
            assertThat(new HashSet<>(deciding)).hasSameSizeAs(deciding);
            assertThat(card.extras()).allMatch(o -> !deciding.contains(o));
            for (Slot s : card.slots()) {
                if (s.status() == SlotStatus.TAKEN) {
                    LocalDateTime due = s.date().atTime(c.schedule().due(s.period()));
                    assertThat(s.opening().holds(s.date(), s.period())).isTrue();
                    assertThat(s.opening().estimated()).isFalse();
                    assertThat(Math.abs(java.time.Duration.between(due, s.opening().local()).toMinutes()))
                            .isLessThanOrEqualTo(c.schedule().windowMinutes());
                }
                if (s.status() == SlotStatus.LATE) {
                    assertThat(s.opening().holds(s.date(), s.period())).isTrue();
                    assertThat(s.opening().localDate()).isEqualTo(s.date());
                }
                if (s.status() == SlotStatus.WRONG_COMPARTMENT) {
                    assertThat(s.opening().holds(s.date(), s.period())).isFalse();
                }
                if (s.status() == SlotStatus.NOT_YET_DUE) {
                    assertThat(c.now()).isBefore(s.date().plusDays(1).atStartOfDay());
                }
            }
        }
    }

    @Test
    void shiftingEverythingByWholeWeeksShiftsTheGrid() {
        Random random = new Random(42L);
        for (int run = 0; run < RUNS; run++) {
            Case c = randomCase(random);
            int weeks = random.nextInt(200) - 100;
            List<Opening> shifted = c.openings().stream().map(o -> new Opening(o.id(), o.at(),
                    o.local().plusWeeks(weeks), o.day(), o.period(), o.estimated())).toList();
            Scorecard before = score(c);
            Scorecard after = Scoring.score(c.schedule(), shifted, c.from().plusWeeks(weeks), c.to().plusWeeks(weeks),
                    c.now().plusWeeks(weeks), ScoringTests.ALWAYS, ScoringTests.UTC);
            assertThat(after.slots()).extracting(Slot::status)
                    .containsExactlyElementsOf(before.slots().stream().map(Slot::status).toList());
            assertThat(after.extras()).extracting(Opening::id)
                    .containsExactlyElementsOf(before.extras().stream().map(Opening::id).toList());
        }
    }

    @Test
    void addingAnOpeningNeverLowersTheTakenCount() {
        Random random = new Random(99L);
        for (int run = 0; run < RUNS; run++) {
            Case c = randomCase(random);
            Scorecard before = score(c);
            List<Opening> more = new ArrayList<>(c.openings());
            LocalDate date = c.from().plusDays(random.nextInt((int) (c.to().toEpochDay() - c.from().toEpochDay() + 1)));
            Period period = random.nextBoolean() ? Period.AM : Period.PM;
            more.add(new Opening(new UUID(1, run), Instant.EPOCH, date.atTime(c.schedule().due(period)),
                    Opening.dayNumber(date), period, false));
            Scorecard after = Scoring.score(c.schedule(), more, c.from(), c.to(), c.now(), ScoringTests.ALWAYS,
                    ScoringTests.UTC);
            assertThat(after.count(SlotStatus.TAKEN) + after.count(SlotStatus.LATE))
                    .isGreaterThanOrEqualTo(before.count(SlotStatus.TAKEN) + before.count(SlotStatus.LATE));
        }
    }

    @Test
    void theGridHasEveryDayOfTheRangeOnce() {
        Random random = new Random(3L);
        for (int run = 0; run < 100; run++) {
            Scorecard card = score(randomCase(random));
            List<Scorecard.Week.Day> days = card.weeks().stream().flatMap(w -> w.days().stream())
                    .filter(d -> d.am() != null).toList();
            assertThat(days).hasSize(card.slots().size() / 2);
            assertThat(card.weeks()).allMatch(w -> w.sunday().getDayOfWeek() == java.time.DayOfWeek.SUNDAY);
        }
    }
}
