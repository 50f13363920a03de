package org.rpmsync.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.rpmsync.simulator.Behaviour;
import org.rpmsync.simulator.Device;
import org.rpmsync.simulator.DeviceKind;
import org.rpmsync.simulator.Patient;
import org.rpmsync.simulator.Reading;
import org.rpmsync.simulator.TenoviPatient;

class ReadingGeneratorTests {

    static final Instant START = Instant.parse("2026-03-02T05:00:00Z"); // Monday 00:00 at UTC-5
    static final Instant END = START.plus(Duration.ofDays(28));

    final ReadingGenerator generator = new ReadingGenerator(42);

    static Patient patient(Behaviour behaviour) {
        return new Patient(TenoviPatient.opaque("P-1"), behaviour, -5, 12);
    }

    static Device device(DeviceKind kind) {
        return new Device(UUID.nameUUIDFromBytes(("dev-" + kind).getBytes()), kind, "ABCDEF012345", "P-1", -5,
                START, Device.CONNECTED);
    }

    private List<Reading> opens(Behaviour behaviour) {
        return generator.readings(patient(behaviour), device(DeviceKind.PILLBOX), START, END).stream()
                .map(ScheduledReading::reading).filter(r -> r.metric().equals("pillbox_opened")).toList();
    }

    @Test
    void sameSeedGivesTheSameReadings() {
        var first = new ReadingGenerator(7).readings(patient(Behaviour.ADHERENT), device(DeviceKind.BPM), START, END);
        var second = new ReadingGenerator(7).readings(patient(Behaviour.ADHERENT), device(DeviceKind.BPM), START, END);
        var other = new ReadingGenerator(8).readings(patient(Behaviour.ADHERENT), device(DeviceKind.BPM), START, END);
        assertThat(first).isNotEmpty().isEqualTo(second).isNotEqualTo(other);
    }

    @Test
    void adherentPatientOpensMoreCompartmentsThanForgetfulOne() {
        int adherent = opens(Behaviour.ADHERENT).size();
        int forgetful = opens(Behaviour.FORGETFUL).size();
        assertThat(adherent).isBetween(50, 56);
        assertThat(forgetful).isBetween(22, 45).isLessThan(adherent);
        assertThat(opens(Behaviour.FORGETFUL)).hasSize(forgetful);
    }

    @Test
    void adherentPatientOpensTodaysCompartmentNearEightAndTwentyLocal() {
        var zone = ZoneOffset.ofHours(-5);
        assertThat(opens(Behaviour.ADHERENT)).allSatisfy(open -> {
            var local = open.timestamp().atOffset(zone);
            int today = local.getDayOfWeek().getValue() % 7 + 1;
            assertThat(open.value1().intValue()).isEqualTo(today);
            int minutes = local.getHour() * 60 + local.getMinute();
            int target = open.value2().intValue() == 1 ? 8 * 60 : 20 * 60;
            assertThat(minutes).isBetween(target - 25, target + 45);
            assertThat(open.filterParams().get("compartment")).asString().endsWith(open.value2().intValue() == 1
                    ? " AM" : " PM");
        });
    }

    @Test
    void wrongCompartmentPatientSometimesOpensAnotherDaysCompartment() {
        var zone = ZoneOffset.ofHours(-5);
        var wrong = opens(Behaviour.WRONG_COMPARTMENT).stream().filter(open ->
                open.value1().intValue() != open.timestamp().atOffset(zone).getDayOfWeek().getValue() % 7 + 1).count();
        assertThat(wrong).isBetween(5L, 30L);
    }

    @Test
    void readingsDoNotDependOnHowTimeIsSliced() {
        var whole = generator.readings(patient(Behaviour.OFFLINE), device(DeviceKind.WATCH), START,
                START.plus(Duration.ofDays(3)));
        var sliced = new ArrayList<ScheduledReading>();
        for (var from = START; from.isBefore(START.plus(Duration.ofDays(3))); from = from.plus(Duration.ofHours(6))) {
            sliced.addAll(generator.readings(patient(Behaviour.OFFLINE), device(DeviceKind.WATCH), from,
                    from.plus(Duration.ofHours(6))));
        }
        assertThat(sliced).containsExactlyInAnyOrderElementsOf(whole);
    }

    @Test
    void everyDeviceKindProducesItsCatalogMetrics() {
        for (var kind : DeviceKind.values()) {
            var metrics = generator.readings(patient(Behaviour.ADHERENT), device(kind), START, END).stream()
                    .map(s -> s.reading().metric()).distinct().toList();
            var catalog = kind.metrics.stream().map(DeviceKind.Metric::name).toList();
            assertThat(catalog).as(kind.name()).containsAll(metrics);
            assertThat(metrics).as(kind.name()).isNotEmpty();
        }
    }

    @Test
    void uploadsNeverPrecedeTheReadingNorLagMoreThanTheMaximum() {
        for (var kind : DeviceKind.values()) {
            assertThat(generator.readings(patient(Behaviour.OFFLINE), device(kind), START, END)).allSatisfy(s -> {
                assertThat(s.uploadAt()).isAfter(s.reading().timestamp());
                assertThat(Duration.between(s.reading().timestamp(), s.uploadAt()))
                        .isLessThanOrEqualTo(ReadingGenerator.MAX_UPLOAD_DELAY);
            });
        }
    }
}
