package org.rpmsync.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param requestsPerSecond API requests per token and second, sustained (429 beyond)
 * @param burst             requests a token may make at once
 */
@ConfigurationProperties("rpmsync.api")
record ApiBudget(@DefaultValue("20") double requestsPerSecond, @DefaultValue("40") double burst) {
}
