package org.rpmsync.adherence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rpmsync.adherence.Monitoring.MonitoredPeriod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rpmsync.adherence.ScoringTests.local;
import static org.rpmsync.adherence.ScoringTests.status;

/**
 * The one rule for when a dose is due, worked by hand: only while the client is monitored with a PillBox (the
 * default schedule, AM 08:00 and PM 20:00 ± 2 h, in New York unless said).
 */
class DueDoseRuleTests {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final LocalDateTime LATER = LocalDateTime.parse("2024-12-31T00:00");

    static Instant ny(String localTime) {
        return LocalDateTime.parse(localTime).atZone(NEW_YORK).toInstant();
    }

    static Monitoring monitored(Instant from, Instant until) {
        return new Monitoring(List.of(new MonitoredPeriod(from, until)));
    }

    static Scorecard score(List<Opening> openings, String from, String to, Monitoring monitoring) {
        return Scoring.score(Schedule.DEFAULT, openings, LocalDate.parse(from), LocalDate.parse(to), LATER,
                monitoring, NEW_YORK);
    }

    @Test
    void aFirstOpeningMidRangeStartsTheScoredDays() {
        // PillBox history was backfilled: its first opening (Wed 16 Oct 08:05) is earlier than the mapping.
        Monitoring m = monitored(ny("2024-10-16T08:05"), null);
        Scorecard card = score(List.of(local("2024-10-16T08:05", 4, Period.AM)), "2024-10-13", "2024-10-19", m);
        assertThat(card.monitoredSince()).isEqualTo("2024-10-16");
        assertThat(card.slots()).hasSize(8).first().satisfies(s -> assertThat(s.date()).isEqualTo("2024-10-16"));
        assertThat(status(card, "2024-10-16", Period.AM)).isEqualTo(SlotStatus.TAKEN);
        assertThat(card.due()).isEqualTo(8);
        assertThat(card.count(SlotStatus.MISSED)).isEqualTo(7);
        assertThat(card.percentTaken()).isEqualTo(13);
    }

    @Test
    void anAssignmentBeforeTheFirstOpeningStartsMonitoringWhenTheMappingWasSaved() {
        // Mapped Tue 15 Oct at 12:00; the first opening came on Thursday.
        Monitoring m = monitored(ny("2024-10-15T12:00"), null);
        Scorecard card = score(List.of(local("2024-10-17T08:00", 5, Period.AM)), "2024-10-13", "2024-10-17", m);
        assertThat(status(card, "2024-10-15", Period.AM)).isEqualTo(SlotStatus.NOT_MONITORED);
        assertThat(status(card, "2024-10-15", Period.PM)).isEqualTo(SlotStatus.MISSED);
        assertThat(status(card, "2024-10-16", Period.AM)).isEqualTo(SlotStatus.MISSED);
        assertThat(status(card, "2024-10-17", Period.AM)).isEqualTo(SlotStatus.TAKEN);
        assertThat(card.due()).isEqualTo(5);
        assertThat(card.percentTaken()).isEqualTo(20);
    }

    @Test
    void aDeviceRemovedAndAnotherMappedAWeekLaterLeavesTheGapNotMonitored() {
        Monitoring m = new Monitoring(List.of(
                new MonitoredPeriod(ny("2024-10-01T07:00"), ny("2024-10-05T12:00")),
                new MonitoredPeriod(ny("2024-10-12T09:00"), null)));
        Scorecard card = score(List.of(), "2024-10-01", "2024-10-13", m);
        assertThat(card.slots()).hasSize(26);
        assertThat(status(card, "2024-10-05", Period.AM)).isEqualTo(SlotStatus.MISSED);
        assertThat(status(card, "2024-10-05", Period.PM)).isEqualTo(SlotStatus.NOT_MONITORED);
        assertThat(status(card, "2024-10-08", Period.AM)).isEqualTo(SlotStatus.NOT_MONITORED);
        assertThat(status(card, "2024-10-12", Period.AM)).isEqualTo(SlotStatus.MISSED);
        // 1–4 Oct (8) + 5 Oct AM (1) + 12–13 Oct (4) were due; 5 Oct PM to 11 Oct (13) were not monitored.
        assertThat(card.due()).isEqualTo(13);
        assertThat(card.count(SlotStatus.NOT_MONITORED)).isEqualTo(13);
    }

    @Test
    void aRangeWhollyBeforeMonitoringHasNoDueDosesAndNoPercentage() {
        Monitoring m = monitored(ny("2024-10-20T09:00"), null);
        Scorecard card = score(List.of(), "2024-09-01", "2024-09-30", m);
        assertThat(card.slots()).isEmpty();
        assertThat(card.nothingDue()).isTrue();
        assertThat(card.percentTaken()).isNull();
        assertThat(card.monitoredSince()).isEqualTo("2024-10-20");
        assertThat(card.weeks()).isEmpty();
    }

    @Test
    void aClientNeverMonitoredHasNothingDue() {
        Scorecard card = score(List.of(), "2024-09-01", "2024-09-30", Monitoring.NONE);
        assertThat(card.slots()).isEmpty();
        assertThat(card.monitoredSince()).isNull();
        assertThat(card.percentTaken()).isNull();
    }

    @Test
    void theDaysAfterTheLastPillBoxWasRemovedAreNotScored() {
        Monitoring m = monitored(ny("2024-10-01T07:00"), ny("2024-10-03T21:00"));
        Scorecard card = score(List.of(), "2024-10-01", "2024-10-31", m);
        assertThat(card.monitoredUntil()).isEqualTo("2024-10-03");
        assertThat(card.slots()).hasSize(6);
        assertThat(card.due()).isEqualTo(6);
    }

    @Test
    void monitoringThatBeganOnTheSpringForwardDayUsesDaylightTime() {
        // 10 Mar 2024: clocks go from 02:00 EST to 03:00 EDT. Mapped at 14:30Z = 10:30 EDT (09:30 in EST): the
        // AM window closed at 10:00 EDT, so the AM dose was not monitored; the PM dose was.
        Monitoring m = monitored(Instant.parse("2024-03-10T14:30:00Z"), null);
        Scorecard card = score(List.of(), "2024-03-10", "2024-03-10", m);
        assertThat(card.slots()).extracting(Slot::status)
                .containsExactly(SlotStatus.NOT_MONITORED, SlotStatus.MISSED);
    }

    @Test
    void onTheFallBackDayTheWindowIsInLocalTime() {
        // 3 Nov 2024: 02:00 EDT becomes 01:00 EST. Mapped at 14:30Z = 09:30 EST, inside the AM window (06:00–10:00
        // local); read with the summer offset it would be 10:30 EDT, after the window.
        Monitoring m = monitored(Instant.parse("2024-11-03T14:30:00Z"), null);
        Scorecard card = score(List.of(), "2024-11-03", "2024-11-03", m);
        assertThat(status(card, "2024-11-03", Period.AM)).isEqualTo(SlotStatus.MISSED);
    }

    @Test
    void anOpeningLaterThatDayProvesThePillBoxWasThere() {
        // The first opening ever, 15:10 on Monday, is Monday's AM compartment: late, not "not monitored".
        Monitoring m = monitored(ny("2024-10-14T15:10"), null);
        Scorecard card = score(List.of(local("2024-10-14T15:10", 2, Period.AM)), "2024-10-14", "2024-10-14", m);
        assertThat(card.slots()).extracting(Slot::status).containsExactly(SlotStatus.LATE, SlotStatus.MISSED);
        assertThat(card.extras()).isEmpty();
    }

    @Test
    void theNextChangeIsTheNextWindowToCloseOrMidnight() {
        Monitoring m = monitored(ny("2024-10-01T07:00"), null);
        Scorecard morning = Scoring.score(Schedule.DEFAULT, List.of(), LocalDate.parse("2024-10-08"),
                LocalDate.parse("2024-10-14"), LocalDateTime.parse("2024-10-14T09:00"), m, NEW_YORK);
        assertThat(morning.nextChange(LocalDate.parse("2024-10-14"))).isEqualTo(ny("2024-10-14T10:00"));
        Scorecard night = Scoring.score(Schedule.DEFAULT, List.of(), LocalDate.parse("2024-10-08"),
                LocalDate.parse("2024-10-14"), LocalDateTime.parse("2024-10-14T22:30"), m, NEW_YORK);
        assertThat(night.nextChange(LocalDate.parse("2024-10-14"))).isEqualTo(ny("2024-10-15T00:00"));
    }
}
