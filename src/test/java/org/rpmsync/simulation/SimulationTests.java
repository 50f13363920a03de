package org.rpmsync.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rpmsync.simulator.Account;
import org.rpmsync.simulator.Behaviour;
import org.rpmsync.simulator.Device;
import org.rpmsync.simulator.DeviceKind;
import org.rpmsync.simulator.Fleet;
import org.rpmsync.simulator.Patient;
import org.rpmsync.simulator.Reading;
import org.rpmsync.simulator.SimClock;
import org.rpmsync.simulator.StoredMeasurement;
import org.rpmsync.simulator.TenoviPatient;
import tools.jackson.databind.json.JsonMapper;

class SimulationTests {

    static final Instant MIDNIGHT_LOCAL = Instant.parse("2026-03-02T05:00:00Z"); // UTC-5

    final SimClock clock = SimClock.stopped(MIDNIGHT_LOCAL);
    final Fleet fleet = new Fleet(42);
    final WebhookSender sender = new WebhookSender(new SimulationProperties.Webhooks(Duration.ofSeconds(1),
            Duration.ofSeconds(1), 100, 10, List.of()), JsonMapper.builder().build());
    final Simulation simulation = new Simulation(fleet, clock, new ReadingGenerator(42), sender);

    @AfterEach
    void close() {
        sender.close();
    }

    private Account accountWith(Behaviour behaviour) {
        var account = fleet.addAccount("clinic", Set.of("k"), null).orElseThrow();
        var patient = new Patient(TenoviPatient.opaque("P-1"), behaviour, -5, 12);
        account.addPatient(patient);
        for (var kind : List.of(DeviceKind.PILLBOX, DeviceKind.BPM, DeviceKind.PULSE_OX)) {
            fleet.addDevice(account, patient, kind, clock.now(), Device.CONNECTED);
        }
        return account;
    }

    private List<List<StoredMeasurement>> hourByHour(int hours) {
        var ticks = new ArrayList<List<StoredMeasurement>>();
        for (int i = 0; i < hours; i++) {
            ticks.add(simulation.advance(Duration.ofHours(1)));
        }
        return ticks;
    }

    @Test
    void offlinePatientUploadsNothingOutOfRangeThenFlushesEverythingAtOnce() {
        accountWith(Behaviour.OFFLINE); // out of range 07:00-19:00 local
        var ticks = hourByHour(24);
        for (int hour = 7; hour < 19; hour++) {
            assertThat(ticks.get(hour)).as("hour %d", hour).isEmpty();
        }
        var windowEnd = MIDNIGHT_LOCAL.plus(Duration.ofHours(19));
        var burst = ticks.get(19).stream().filter(m -> m.reading().timestamp().isBefore(windowEnd)).toList();
        assertThat(burst.size()).isGreaterThanOrEqualTo(4);
        assertThat(burst).allSatisfy(m -> {
            assertThat(m.created()).isEqualTo(windowEnd.plusSeconds(5));
            assertThat(m.reading().timestamp()).isAfterOrEqualTo(windowEnd.minus(Duration.ofHours(12)));
        });
    }

    @Test
    void connectedPatientUploadsWithinAMinute() {
        var account = accountWith(Behaviour.ADHERENT);
        hourByHour(24);
        var stored = account.measurements(m -> true);
        assertThat(stored).hasSizeGreaterThanOrEqualTo(6).allSatisfy(m ->
                assertThat(Duration.between(m.reading().timestamp(), m.created())).isBetween(
                        Duration.ofSeconds(5), Duration.ofSeconds(60)));
    }

    @Test
    void apiCreatedIsStorageTimeWhileWebhookCreatedIsTheTimestamp() {
        var account = accountWith(Behaviour.ADHERENT);
        var device = account.devices().get(0);
        var taken = MIDNIGHT_LOCAL.minus(Duration.ofHours(3));
        var stored = simulation.upload(account, Reading.of(device, "battery_percentage", 88, 0, taken, null));
        assertThat(stored.toApi().created()).isEqualTo("2026-03-02T05:00:00.000000Z");
        assertThat(stored.reading().toWebhook().created()).isEqualTo("2026-03-02T02:00:00.000000Z");
        assertThat(stored.toApi()).usingRecursiveComparison().ignoringFields("created")
                .isEqualTo(stored.reading().toWebhook());
    }

    @Test
    void devicesThatAreNotConnectedUploadNothing() {
        var account = accountWith(Behaviour.ADHERENT);
        account.devices().forEach(d -> d.status("Shipped"));
        assertThat(hourByHour(24)).allSatisfy(tick -> assertThat(tick).isEmpty());
    }
}
