package org.rpmsync.simulator;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the fake Tenovi server, prefix {@code rpmsync.simulator} (the simulation's own settings share the
 * prefix: {@code tick-interval}, {@code webhooks}).
 *
 * @param basePath     where the fake Tenovi API lives; clients use {@code http://host:port<basePath>} as Tenovi base URL
 * @param seed         seed of the reading generator: same seed, same readings
 * @param clockSpeed   simulated seconds per real second
 * @param clockStart   ISO instant the simulated clock starts at; empty = the real time at startup; a negative ISO
 *                     duration ({@code -P2D}) starts that long ago and stops running fast once it reaches real time
 */
@ConditionalOnSimulator
@ConfigurationProperties("rpmsync.simulator")
public record SimulatorProperties(
        boolean enabled,
        @DefaultValue("/simulator/tenovi") String basePath,
        @DefaultValue("42") long seed,
        @DefaultValue("60") double clockSpeed,
        String clockStart,
        @DefaultValue RateLimit rateLimit,
        @DefaultValue DemoAccount demoAccount) {

    public SimulatorProperties {
        basePath = basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
    }

    /** Token bucket per API key (Tenovi: 1 request/s per key; {@code Retry-After} is not documented by Tenovi). */
    record RateLimit(
            @DefaultValue("1.0") double requestsPerSecond,
            @DefaultValue("1") int burst,
            @DefaultValue("true") boolean retryAfterHeader) {
    }

    /** The account seeded at startup (the demo clinic); {@code patients} empty = the built-in demo fleet. */
    record DemoAccount(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("demo-clinic") String clientDomain,
            @DefaultValue("sim-demo-api-key") String apiKey,
            List<FleetPatient> patients) {

        DemoAccount {
            patients = patients == null || patients.isEmpty() ? FleetPatient.DEMO : List.copyOf(patients);
        }
    }

    /** One simulated patient with its devices. Opaque ids only: no names or contact data. */
    record FleetPatient(
            String externalId,
            @DefaultValue("ADHERENT") Behaviour behaviour,
            @DefaultValue("-5") int timezoneOffset,
            @DefaultValue("12") int offlineHours,
            List<DeviceKind> devices) {

        static final List<FleetPatient> DEMO = List.of(
                new FleetPatient("SIM-0001", Behaviour.ADHERENT, -5, 12, List.of(DeviceKind.PILLBOX, DeviceKind.BPM)),
                new FleetPatient("SIM-0002", Behaviour.FORGETFUL, -5, 12, List.of(DeviceKind.PILLBOX, DeviceKind.GLUCOMETER)),
                new FleetPatient("SIM-0003", Behaviour.WRONG_COMPARTMENT, -6, 12, List.of(DeviceKind.PILLBOX, DeviceKind.SCALE)),
                new FleetPatient("SIM-0004", Behaviour.OFFLINE, -8, 12,
                        List.of(DeviceKind.PILLBOX, DeviceKind.PULSE_OX, DeviceKind.WATCH)));

        FleetPatient {
            devices = devices == null ? List.of() : List.copyOf(devices);
        }
    }
}
