package org.rpmsync.tenovi;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A webhook configured in Tenovi, as listed by {@code hwi/webhooks/} (reference §2.10): only what we act on. */
@JsonIgnoreProperties(ignoreUnknown = true)
record TenoviWebhook(String id, String endpoint, String event) {

    AccountWebhook account() {
        return new AccountWebhook(id, endpoint, event);
    }
}
