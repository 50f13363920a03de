package org.rpmsync.measurements;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.rpmsync.RpmSyncTest;
import org.rpmsync.TestWorld;
import org.rpmsync.organization.Organization;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

@RpmSyncTest
class MeasurementRecorderTests extends TestWorld {

    @Autowired
    MeasurementRecorder recorder;
    @Autowired
    MeasurementQueries queries;

    static NewReading opening(String device, Instant at, int day, int period) {
        return new NewReading("tenovi", device, "PAT-1", "pillbox_opened", ReadingType.MEDICATION_COMPARTMENT_OPENED,
                at, -240, "", Integer.toString(day), Integer.toString(period), BigDecimal.valueOf(day),
                BigDecimal.valueOf(period), null, "Monday AM", false);
    }

    private long rows(Organization organization) {
        return jdbc.sql("select count(*) from measurements where organization_id = ?")
                .param(organization.id().value()).query(Long.class).single();
    }

    @Test
    void storesEachReadingOnceWhateverTheOrigin() {
        Organization clinic = fixtures.organization();
        Instant at = Instant.parse("2024-10-14T12:00:00Z");
        List<NewReading> readings = List.of(opening("dev-1", at, 2, 1), opening("dev-1", at.plusSeconds(60), 2, 1));
        assertThat(recorder.record(clinic.id(), readings, Instant.now(), Origin.WEBHOOK).stored()).isEqualTo(2);
        Recorded again = recorder.record(clinic.id(), readings, Instant.now(), Origin.REFRESH);
        assertThat(again.stored()).isZero();
        assertThat(again.duplicates()).isEqualTo(2);
        assertThat(rows(clinic)).isEqualTo(2);
    }

    /** 120 readings (three statements' worth), a copy of every fourth in the same call and again in a later one. */
    static List<NewReading> manyWithCopies(Instant at) {
        List<NewReading> readings = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            readings.add(opening("dev-" + (i % 7), at.plusSeconds(i), i % 7, i % 2 + 1));
            if (i % 4 == 0) {
                readings.add(opening("dev-" + (i % 7), at.plusSeconds(i), i % 7, i % 2 + 1));
            }
        }
        return readings;
    }

    static void storesManyOnceAndTellsWhichWereNew(MeasurementRecorder recorder, Organization clinic) {
        Instant at = Instant.parse("2024-11-01T08:00:00Z");
        List<NewReading> readings = manyWithCopies(at);
        Recorded first = recorder.record(clinic.id(), readings, Instant.now(), Origin.WEBHOOK);
        assertThat(first.stored()).isEqualTo(120);
        assertThat(first.duplicates()).isEqualTo(30);
        for (int position = 0; position < readings.size(); position++) {
            boolean copyOfThePrevious = position > 0 && readings.get(position).equals(readings.get(position - 1));
            assertThat(first.storedAt(position)).as("position %d", position).isEqualTo(!copyOfThePrevious);
        }
        List<NewReading> later = new ArrayList<>(readings.subList(0, 10));
        later.add(opening("dev-new", at, 1, 1));
        Recorded again = recorder.record(clinic.id(), later, Instant.now(), Origin.REFRESH);
        assertThat(again.stored()).isEqualTo(1);
        assertThat(again.storedAt(10)).isTrue();
    }

    @Test
    void storesManyReadingsOnceAndTellsWhichWereNew() {
        storesManyOnceAndTellsWhichWereNew(recorder, fixtures.organization());
    }

    @Test
    void tellsCoincidentReadingsApartByMetricAndMeasurementIndex() {
        Organization clinic = fixtures.organization();
        Instant at = Instant.parse("2024-10-16T04:10:00Z");
        List<NewReading> readings = new ArrayList<>();
        for (String index : List.of("587", "588")) {
            readings.add(new NewReading("tenovi", "bpm-1", null, "blood_pressure", ReadingType.BLOOD_PRESSURE, at, -240,
                    index, "128", "82", new BigDecimal("128"), new BigDecimal("82"), "mm[Hg]", null, false));
            readings.add(new NewReading("tenovi", "bpm-1", null, "pulse", ReadingType.PULSE, at, -240, index, "86",
                    "0", new BigDecimal("86"), null, "/min", null, false));
        }
        assertThat(recorder.record(clinic.id(), readings, Instant.now(), Origin.WEBHOOK).stored()).isEqualTo(4);
    }

    @Test
    void concurrentCopiesOfTheSameReadingsMakeExactlyOneRowEach() throws Exception {
        Organization clinic = fixtures.organization();
        Instant start = Instant.parse("2024-10-01T08:00:00Z");
        List<NewReading> burst = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            burst.add(opening("dev-2", start.plus(i, ChronoUnit.HOURS), 1 + i % 7, 1 + i % 2));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> copies = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                copies.add(() -> recorder.record(clinic.id(), burst, Instant.now(), Origin.WEBHOOK).stored());
            }
            int stored = 0;
            for (Future<Integer> result : pool.invokeAll(copies)) {
                stored += result.get();
            }
            assertThat(stored).isEqualTo(50);
        } finally {
            pool.shutdown();
        }
        assertThat(rows(clinic)).isEqualTo(50);
    }

    @Test
    void flagsReadingsThatArriveLongAfterTheyWereMeasured() {
        Organization clinic = fixtures.organization();
        Instant now = Instant.now();
        recorder.record(clinic.id(), List.of(opening("dev-3", now.minus(Duration.ofDays(3)), 3, 1),
                opening("dev-3", now.minus(Duration.ofMinutes(1)), 3, 2)), now, Origin.WEBHOOK);
        List<Boolean> late = jdbc.sql("select late from measurements where organization_id = ? order by measured_at")
                .param(clinic.id().value()).query(Boolean.class).list();
        assertThat(late).containsExactly(true, false);
    }

    @Test
    void keepsOutOfRangeValuesAsRawTextInsteadOfFailing() {
        Organization clinic = fixtures.organization();
        NewReading odd = new NewReading("tenovi", "dev-4", null, "mystery", ReadingType.OTHER, Instant.now(), null, "",
                "1E+20", "", new BigDecimal("1E+20"), null, null, null, false);
        assertThat(recorder.record(clinic.id(), List.of(odd), Instant.now(), Origin.WEBHOOK).stored()).isEqualTo(1);
        assertThat(jdbc.sql("select raw_value_1 from measurements where organization_id = ?")
                .param(clinic.id().value()).query(String.class).single()).isEqualTo("1E+20");
    }

    @Test
    void readingsLookedUpByIdAreOnlyTheOrganizationsOwn() {
        Organization clinic = fixtures.organization();
        Organization other = fixtures.organization();
        Instant at = Instant.parse("2024-10-14T12:00:00.123456Z");
        List<UUID> ids = new ArrayList<>(recorder.record(clinic.id(), List.of(opening("dev-5", at, 2, 1),
                opening("dev-5", at.plusSeconds(60), 2, 2)), Instant.now(), Origin.WEBHOOK).newIds());
        ids.addAll(recorder.record(other.id(), List.of(opening("dev-5", at, 2, 1)), Instant.now(), Origin.WEBHOOK)
                .newIds());
        assertThat(ids).hasSize(3);
        assertThat(queries.withIds(clinic.id(), ids)).extracting(Reading::id, Reading::measuredAt, Reading::label)
                .containsExactlyInAnyOrder(tuple(ids.get(0), at, "Monday AM"),
                        tuple(ids.get(1), at.plusSeconds(60), "Monday AM"));
        assertThat(queries.withIds(other.id(), ids)).extracting(Reading::id).containsExactly(ids.get(2));
        assertThat(queries.withIds(other.id(), ids.subList(0, 2))).isEmpty();
    }
}
