package org.rpmsync.tenovi;

/** Tenovi could not be reached or kept rate limiting us: a timeout, a network error, or 429 beyond our patience. */
class TenoviUnavailable extends RuntimeException {

    TenoviUnavailable(String reason, Throwable cause) {
        super(reason, cause);
    }
}
