package org.rpmsync.tenovi;

import java.util.List;

/** A webhook configured in the clinic's Tenovi account: its id, the URL Tenovi posts to and its event (may be null). */
public record AccountWebhook(String id, String url, String event) {

    /** Tenovi's answer to the list: its HTTP status and, when 2xx, every webhook. */
    public record Listing(int status, List<AccountWebhook> webhooks) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** What our webhook for an event sends: to {@code url}, the secret {@code authKey} in the {@code authHeader} header. */
    public record Target(String url, String authHeader, String authKey) {

        @Override
        public String toString() {
            return "Target[url=" + url + ", authHeader=" + authHeader + "]";
        }
    }
}
