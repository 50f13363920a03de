package org.rpmsync.tenovi;

/**
 * What a credentials check against Tenovi found, with Tenovi's HTTP status (0 when it never answered, 429 when it
 * kept rate limiting us).
 */
public record ConnectionCheck(Result result, int httpStatus) {

    public enum Result { CONNECTED, REJECTED, UNKNOWN_CLIENT_DOMAIN, UNREACHABLE, REDIRECTED }

    public boolean connected() {
        return result == Result.CONNECTED;
    }
}
