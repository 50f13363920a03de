package org.rpmsync.tenovi;

/** Tenovi's answer to one call: the HTTP status, the (size-capped) body text and its {@code Retry-After}. */
record TenoviResponse(int status, String body, String retryAfter) {

    boolean ok() {
        return status >= 200 && status < 300;
    }

    boolean redirect() {
        return status >= 300 && status < 400;
    }
}
