package org.rpmsync.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The simulated Tenovi account the demo clinic links to: the same settings the simulator seeds it from
 * ({@code rpmsync.simulator.demo-account}), read here without depending on the simulator.
 *
 * @param clientDomain the account's organization slug
 * @param apiKey       its API key (a fake, not a secret)
 */
@ConfigurationProperties("rpmsync.simulator.demo-account")
record DemoAccount(@DefaultValue("demo-clinic") String clientDomain, @DefaultValue("sim-demo-api-key") String apiKey) {
}
