package org.rpmsync.tenovi;

/** Tenovi kept answering 429 for longer than {@code max-429-wait}: the call gave up (nothing else went wrong). */
class TenoviThrottled extends TenoviUnavailable {

    TenoviThrottled(String reason) {
        super(Kind.THROTTLED, reason);
    }
}
