package org.rpmsync.tenovi;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Tenovi's webhook configuration object, as posted to {@code hwi/webhooks/}. */
record TenoviWebhookRegistration(
        String endpoint,
        String event,
        @JsonProperty("auth_header") String authHeader,
        @JsonProperty("auth_key") String authKey,
        @JsonProperty("post_as_array") boolean postAsArray) {

    @Override
    public String toString() {
        return "TenoviWebhookRegistration[endpoint=" + endpoint + ", event=" + event + "]";
    }
}
