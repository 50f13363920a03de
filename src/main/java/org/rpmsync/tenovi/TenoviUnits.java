package org.rpmsync.tenovi;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Units of the Tenovi metrics the reference cannot confirm (§4.2): a production integration reads the scale in
 * pounds and the thermometer in °F. Configurable rather than guessed silently; UCUM codes.
 */
@ConfigurationProperties("rpmsync.tenovi.units")
record TenoviUnits(String weight, String temperature) {

    TenoviUnits {
        weight = weight == null || weight.isBlank() ? "[lb_av]" : weight;
        temperature = temperature == null || temperature.isBlank() ? "[degF]" : temperature;
    }
}
