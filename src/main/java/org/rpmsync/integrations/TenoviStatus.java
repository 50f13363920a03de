package org.rpmsync.integrations;

import org.rpmsync.tenovi.ConnectionCheck;
import org.rpmsync.web.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * The health of an organization's Tenovi connection, as shown on the tile and in the API ({@link #wire()}), and what
 * people are told about a key check ({@link #message}, {@link #problem}).
 */
public enum TenoviStatus {
    NOT_ENABLED, NOT_LINKED, CONNECTED, CREDENTIALS_REJECTED, UNREACHABLE;

    public String wire() {
        return name().toLowerCase();
    }

    static TenoviStatus ofWire(String value) {
        return valueOf(value.toUpperCase());
    }

    static TenoviStatus of(ConnectionCheck check) {
        return switch (check.result()) {
            case CONNECTED -> CONNECTED;
            case REJECTED, UNKNOWN_CLIENT_DOMAIN -> CREDENTIALS_REJECTED;
            case UNREACHABLE, REDIRECTED -> UNREACHABLE;
        };
    }

    /** The sentence shown to people for the check's outcome. */
    static String message(ConnectionCheck check, String clientDomain) {
        int httpStatus = check.httpStatus();
        return switch (check.result()) {
            case CONNECTED -> "Connected to " + clientDomain;
            case REJECTED -> "Tenovi rejected this API key for " + clientDomain;
            case UNKNOWN_CLIENT_DOMAIN -> "Tenovi does not know the organization " + clientDomain;
            case UNREACHABLE -> httpStatus == 429
                    ? "Couldn't reach Tenovi: it kept answering 'too many requests'. Try again in a minute."
                    : "Couldn't reach Tenovi" + (httpStatus > 0 ? " (HTTP " + httpStatus + ")" : "")
                      + ". Try again in a few minutes.";
            case REDIRECTED -> "Tenovi answered with a redirect: check the base URL";
        };
    }

    /** A failed check as the API's problem (the detail is {@link #message}); a redirect is 502 tenovi_redirect. */
    static ApiProblem problem(ConnectionCheck check, String clientDomain) {
        String message = message(check, clientDomain);
        return switch (check.result()) {
            case REJECTED -> new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "credentials_rejected", message);
            case UNKNOWN_CLIENT_DOMAIN -> new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "unknown_client_domain",
                    message);
            case REDIRECTED -> new ApiProblem(HttpStatus.BAD_GATEWAY, "tenovi_redirect", message);
            case UNREACHABLE, CONNECTED -> new ApiProblem(HttpStatus.BAD_GATEWAY, "tenovi_unreachable", message);
        };
    }
}
