package org.rpmsync.simulator;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The fake Tenovi server's beans (the {@code simulation} module adds its own). Names carry a {@code simulator} prefix
 * so they never clash with the app's.
 */
@ConditionalOnSimulator
@Configuration(proxyBeanMethods = false)
class SimulatorConfiguration {

    @Bean
    SimClock simulatorClock(SimulatorProperties properties) {
        String configured = properties.clockStart() == null ? "" : properties.clockStart().strip();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        if (configured.startsWith("-P")) {
            // A start in the past ("-P2D": two days ago) makes history quickly, then follows real time.
            return SimClock.catchingUp(now.minus(java.time.Duration.parse(configured.substring(1))),
                    properties.clockSpeed());
        }
        return SimClock.realTimeFrom(configured.isEmpty() ? now : Instant.parse(configured), properties.clockSpeed());
    }

    /** The fleet, with the demo account when {@code demo-account.enabled}. */
    @Bean
    Fleet simulatorFleet(SimulatorProperties properties, SimClock clock) {
        var fleet = new Fleet(properties.seed());
        var demo = properties.demoAccount();
        if (demo.enabled()) {
            var now = clock.now();
            var account = fleet.addAccount(demo.clientDomain(), Set.of(demo.apiKey()), null).orElseThrow();
            for (var spec : demo.patients()) {
                var patient = new Patient(TenoviPatient.opaque(spec.externalId()), spec.behaviour(),
                        spec.timezoneOffset(), spec.offlineHours());
                account.addPatient(patient);
                spec.devices().forEach(kind -> fleet.addDevice(account, patient, kind, now, Device.CONNECTED));
            }
        }
        return fleet;
    }

    @Bean
    FilterRegistrationBean<ApiGuard> simulatorApiGuard(SimulatorProperties properties, Fleet fleet) {
        var guard = new ApiGuard(properties, fleet, new RateLimiter(System::nanoTime));
        var registration = new FilterRegistrationBean<>(guard);
        registration.addUrlPatterns(properties.basePath() + "/clients/*");
        registration.setName("simulatorApiGuard");
        return registration;
    }
}
