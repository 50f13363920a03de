package org.rpmsync.simulation;

import java.time.Duration;
import java.util.List;

import org.rpmsync.simulator.ConditionalOnSimulator;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the simulation; they share the prefix {@code rpmsync.simulator} with the fake Tenovi server's
 * ({@code SimulatorProperties}: switch, base path, seed, clock, rate limit, demo account).
 *
 * @param tickInterval real time between generator runs; {@code 0s} switches the automatic generator off
 */
@ConditionalOnSimulator
@ConfigurationProperties("rpmsync.simulator")
record SimulationProperties(
        @DefaultValue("1s") Duration tickInterval,
        @DefaultValue Webhooks webhooks) {

    /** Webhook sending; {@code targets} are added to the webhooks registered through {@code hwi/webhooks/}. */
    record Webhooks(
            @DefaultValue("2s") Duration connectTimeout,
            @DefaultValue("5s") Duration requestTimeout,
            @DefaultValue("10000") int queueCapacity,
            @DefaultValue("500") int historySize,
            List<Target> targets) {

        Webhooks {
            targets = targets == null ? List.of() : List.copyOf(targets);
        }
    }

    /**
     * A webhook receiver configured in properties.
     *
     * @param clientDomain the account whose data goes there; empty = every account
     * @param event        {@code MEASUREMENT} or {@code FULFILLMENT}
     */
    record Target(
            String url,
            @DefaultValue("Authorization") String authHeader,
            String authKey,
            boolean postAsArray,
            @DefaultValue("MEASUREMENT") String event,
            String clientDomain) {
    }
}
