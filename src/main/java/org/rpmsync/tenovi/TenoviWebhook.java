package org.rpmsync.tenovi;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** A webhook configured in Tenovi, as listed by {@code hwi/webhooks/} (reference §2.10): only what we act on. */
@JsonIgnoreProperties(ignoreUnknown = true)
record TenoviWebhook(String id, String endpoint, String event) {

    /** Tenovi's answer to the list: its HTTP status and, when 2xx, every webhook. */
    record Listing(int status, List<TenoviWebhook> webhooks) {

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }
}
