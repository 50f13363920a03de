package org.rpmsync.simulator;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A webhook configuration of {@code hwi/webhooks/} (reference §2.10); also the body of its POST. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TenoviWebhook(
        String id,
        String created,
        String modified,
        String endpoint,
        String event,
        @JsonProperty("auth_header") String authHeader,
        @JsonProperty("auth_key") String authKey,
        @JsonProperty("post_as_array") Boolean postAsArray,
        @JsonProperty("enabled_by_default") Boolean enabledByDefault) {

    /** The events a webhook receives. */
    public static final String MEASUREMENT = "MEASUREMENT";
    public static final String FULFILLMENT = "FULFILLMENT";
}
