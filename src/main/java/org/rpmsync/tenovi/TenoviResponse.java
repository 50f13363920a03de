package org.rpmsync.tenovi;

/** Tenovi's answer to one call: the HTTP status and the (size-capped) body text, and the headers we act on. */
record TenoviResponse(int status, String body, String location, String retryAfter) {

    boolean ok() {
        return status >= 200 && status < 300;
    }

    boolean redirect() {
        return status >= 300 && status < 400;
    }
}
