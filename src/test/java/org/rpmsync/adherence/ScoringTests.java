package org.rpmsync.adherence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rpmsync.measurements.Reading;
import org.rpmsync.measurements.ReadingType;

import static org.assertj.core.api.Assertions.assertThat;

/** Hand-worked cases; the default schedule (AM 08:00, PM 20:00, ±2 h) unless said. */
class ScoringTests {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final LocalDateTime LONG_AFTER = LocalDateTime.of(2030, 1, 1, 0, 0);
    /** Monitored with a PillBox for ever: the cases below are about scoring, not monitoring. */
    static final Monitoring ALWAYS = new Monitoring(List.of(
            new Monitoring.MonitoredPeriod(Instant.parse("1900-01-01T00:00:00Z"), null)));
    static final ZoneId UTC = ZoneId.of("UTC");

    static Reading opened(String utc, Integer offsetMinutes, int day, int period, boolean estimated) {
        return new Reading(UUID.randomUUID(), null, "tenovi", "pill-1", "pillbox_opened",
                ReadingType.MEDICATION_COMPARTMENT_OPENED, Instant.parse(utc), offsetMinutes, "",
                Integer.toString(day), Integer.toString(period), BigDecimal.valueOf(day), BigDecimal.valueOf(period),
                null, null, estimated, false, Instant.parse(utc));
    }

    static Opening local(String localTime, int day, Period period) {
        return new Opening(UUID.randomUUID(), Instant.EPOCH, LocalDateTime.parse(localTime), day, period, false);
    }

    static Scorecard score(List<Opening> openings, String from, String to) {
        return Scoring.score(Schedule.DEFAULT, openings, LocalDate.parse(from), LocalDate.parse(to), LONG_AFTER, ALWAYS,
                UTC);
    }

    static SlotStatus status(Scorecard card, String date, Period period) {
        return card.slots().stream().filter(s -> s.date().equals(LocalDate.parse(date)) && s.period() == period)
                .findFirst().orElseThrow().status();
    }

    @Test
    void anOpeningAt0230UtcTuesdayWithOffsetMinusFiveIsMondaysPmDose() {
        List<Opening> openings = Adherence.openings(
                List.of(opened("2024-10-15T02:30:00Z", -300, 2, 2, false)), ZoneId.of("UTC"));
        assertThat(openings.get(0).local()).isEqualTo(LocalDateTime.parse("2024-10-14T21:30"));
        Scorecard card = score(openings, "2024-10-14", "2024-10-15");
        assertThat(status(card, "2024-10-14", Period.PM)).isEqualTo(SlotStatus.TAKEN);
        assertThat(card.extras()).isEmpty();
    }

    @Test
    void anOpeningJustAfterMidnightIsNotTheEveningBeforesDose() {
        Scorecard card = score(List.of(local("2024-10-15T00:30", 2, Period.PM)), "2024-10-14", "2024-10-15");
        assertThat(status(card, "2024-10-14", Period.PM)).isEqualTo(SlotStatus.MISSED);
        assertThat(card.extras()).hasSize(1);
    }

    @Test
    void handWorkedDay() {
        // Monday 2024-10-14: AM compartment at 11:00 (late); Tuesday AM's compartment opened in Monday's PM window.
        List<Opening> openings = List.of(local("2024-10-14T11:00", 2, Period.AM),
                local("2024-10-14T19:10", 3, Period.AM), local("2024-10-15T08:30", 3, Period.PM),
                local("2024-10-15T20:05", 3, Period.PM), local("2024-10-15T20:30", 3, Period.PM));
        Scorecard card = score(openings, "2024-10-14", "2024-10-15");
        assertThat(card.slots()).extracting(Slot::status).containsExactly(SlotStatus.LATE,
                SlotStatus.WRONG_COMPARTMENT, SlotStatus.WRONG_COMPARTMENT, SlotStatus.TAKEN);
        assertThat(card.extras()).extracting(Opening::local)
                .containsExactly(LocalDateTime.parse("2024-10-15T20:30"));
        assertThat(card.percentOnTime()).isEqualTo(25);
        assertThat(card.percentTaken()).isEqualTo(50);
    }

    @Test
    void anEstimatedTimeIsNeverOnTime() {
        Opening estimated = new Opening(UUID.randomUUID(), Instant.EPOCH, LocalDateTime.parse("2024-10-14T08:00"), 2,
                Period.AM, true);
        Scorecard card = score(List.of(estimated), "2024-10-14", "2024-10-14");
        assertThat(status(card, "2024-10-14", Period.AM)).isEqualTo(SlotStatus.LATE);
        assertThat(card.percentOnTime()).isZero();
    }

    @Test
    void aDoseIsMissedOnceItsWindowClosesNotAtMidnight() {
        Scorecard card = Scoring.score(Schedule.DEFAULT, List.of(), LocalDate.parse("2024-10-14"),
                LocalDate.parse("2024-10-14"), LocalDateTime.parse("2024-10-14T15:00"), ALWAYS, UTC);
        assertThat(card.slots()).extracting(Slot::status).containsExactly(SlotStatus.MISSED, SlotStatus.NOT_YET_DUE);
        assertThat(card.due()).isEqualTo(1);
        assertThat(card.percentTaken()).isZero();
    }

    @Test
    void aDoseIsNotYetDueWhileItsWindowIsOpen() {
        Scorecard card = Scoring.score(Schedule.DEFAULT, List.of(), LocalDate.parse("2024-10-14"),
                LocalDate.parse("2024-10-14"), LocalDateTime.parse("2024-10-14T09:59"), ALWAYS, UTC);
        assertThat(card.slots()).extracting(Slot::status).containsExactly(SlotStatus.NOT_YET_DUE,
                SlotStatus.NOT_YET_DUE);
        assertThat(card.due()).isZero();
        assertThat(card.percentTaken()).isNull();
        Scorecard closed = Scoring.score(Schedule.DEFAULT, List.of(), LocalDate.parse("2024-10-14"),
                LocalDate.parse("2024-10-14"), LocalDateTime.parse("2024-10-14T10:00"), ALWAYS, UTC);
        assertThat(status(closed, "2024-10-14", Period.AM)).isEqualTo(SlotStatus.MISSED);
    }

    @Test
    void aMissedDoseOpenedLaterThatDayBecomesLate() {
        List<Opening> openings = List.of(local("2024-10-14T15:30", 2, Period.AM));
        Scorecard card = Scoring.score(Schedule.DEFAULT, openings, LocalDate.parse("2024-10-14"),
                LocalDate.parse("2024-10-14"), LocalDateTime.parse("2024-10-14T16:00"), ALWAYS, UTC);
        assertThat(status(card, "2024-10-14", Period.AM)).isEqualTo(SlotStatus.LATE);
    }

    @Test
    void springForwardUsesDaylightTimeFromTheClientsZone() {
        // 2025-03-09 is a Sunday (day 1); no offset sent, so the zone decides: 13:59Z = 09:59 EDT, 14:30Z = 10:30.
        Scorecard onTime = score(Adherence.openings(
                List.of(opened("2025-03-09T13:59:00Z", null, 1, 1, false)), NEW_YORK), "2025-03-09", "2025-03-09");
        Scorecard late = score(Adherence.openings(
                List.of(opened("2025-03-09T14:30:00Z", null, 1, 1, false)), NEW_YORK), "2025-03-09", "2025-03-09");
        assertThat(status(onTime, "2025-03-09", Period.AM)).isEqualTo(SlotStatus.TAKEN);
        assertThat(status(late, "2025-03-09", Period.AM)).isEqualTo(SlotStatus.LATE);
    }

    @Test
    void fallBackUsesStandardTimeFromTheClientsZone() {
        // 2025-11-02 (Sunday): 14:59Z = 09:59 EST (on time; EDT would say 10:59); 01:30Z next day = 20:30 Sunday.
        Scorecard card = score(Adherence.openings(List.of(opened("2025-11-02T14:59:00Z", null, 1, 1, false),
                opened("2025-11-03T01:30:00Z", null, 1, 2, false)), NEW_YORK), "2025-11-02", "2025-11-02");
        assertThat(card.slots()).extracting(Slot::status).containsExactly(SlotStatus.TAKEN, SlotStatus.TAKEN);
    }

    @Test
    void theDevicesOffsetWinsOverTheClientsZone() {
        // A PillBox still on EDT (-240) after the change: its own offset is what the client lived by.
        List<Opening> openings = Adherence.openings(List.of(opened("2025-11-02T14:59:00Z", -240, 1, 1, false)),
                NEW_YORK);
        assertThat(openings.get(0).local()).isEqualTo(LocalDateTime.parse("2025-11-02T10:59"));
    }

    @Test
    void theNearestOpeningInTheWindowDecidesAndTheOtherIsExtra() {
        List<Opening> openings = new ArrayList<>(List.of(local("2024-10-14T06:30", 2, Period.AM),
                local("2024-10-14T08:10", 2, Period.AM)));
        Scorecard card = score(openings, "2024-10-14", "2024-10-14");
        assertThat(card.slots().get(0).opening().local()).isEqualTo(LocalDateTime.parse("2024-10-14T08:10"));
        assertThat(card.extras()).extracting(Opening::local).containsExactly(LocalDateTime.parse("2024-10-14T06:30"));
    }

    @Test
    void explainedMissedDosesLeaveTheAdjudicatedPercentage() {
        Scorecard card = score(List.of(local("2024-10-14T08:00", 2, Period.AM)), "2024-10-14", "2024-10-14")
                .withReasons(java.util.Map.of("2024-10-14 PM", "in hospital"));
        assertThat(card.percentTaken()).isEqualTo(50);
        assertThat(card.percentTakenAdjudicated()).isEqualTo(100);
        assertThat(card.slots().get(1).reason()).isEqualTo("in hospital");
    }

    @Test
    void aWiderWindowTurnsLateIntoTaken() {
        Schedule wide = new Schedule(java.time.LocalTime.of(8, 0), java.time.LocalTime.of(20, 0), 180);
        Scorecard card = Scoring.score(wide, List.of(local("2024-10-14T10:45", 2, Period.AM)),
                LocalDate.parse("2024-10-14"), LocalDate.parse("2024-10-14"), LONG_AFTER, ALWAYS, UTC);
        assertThat(card.slots().get(0).status()).isEqualTo(SlotStatus.TAKEN);
    }
}
