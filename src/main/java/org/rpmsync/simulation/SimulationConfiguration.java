package org.rpmsync.simulation;

import org.rpmsync.simulator.ConditionalOnSimulator;
import org.rpmsync.simulator.Fleet;
import org.rpmsync.simulator.SimClock;
import org.rpmsync.simulator.SimulatorProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The simulation's beans, on the fake Tenovi server's fleet and clock; names carry the {@code simulator} prefix. */
@ConditionalOnSimulator
@Configuration(proxyBeanMethods = false)
class SimulationConfiguration {

    @Bean(destroyMethod = "close")
    WebhookSender simulatorWebhookSender(SimulationProperties properties, JsonMapper json) {
        return new WebhookSender(properties.webhooks(), json);
    }

    @Bean
    Simulation simulatorSimulation(Fleet fleet, SimClock clock, SimulatorProperties simulator, WebhookSender sender) {
        return new Simulation(fleet, clock, new ReadingGenerator(simulator.seed()), sender);
    }

    @Bean
    SimulationTicker simulatorTicker(Simulation simulation, SimulationProperties properties) {
        return new SimulationTicker(simulation, properties.tickInterval());
    }

    @Bean
    WebhookAnomalies simulatorWebhookAnomalies(Simulation simulation, WebhookSender sender) {
        return new WebhookAnomalies(simulation, sender);
    }

    @Bean
    Fulfillment simulatorFulfillment(WebhookSender sender) {
        return new Fulfillment(sender);
    }
}
