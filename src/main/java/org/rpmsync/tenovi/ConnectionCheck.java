package org.rpmsync.tenovi;

import org.rpmsync.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** What a credentials check against Tenovi found, with Tenovi's HTTP status (0 when it never answered). */
public record ConnectionCheck(Result result, int httpStatus) {

    public enum Result { CONNECTED, REJECTED, UNKNOWN_CLIENT_DOMAIN, UNREACHABLE, REDIRECTED }

    public boolean connected() {
        return result == Result.CONNECTED;
    }

    /** The sentence shown to people for this outcome. */
    public String message(String clientDomain) {
        return switch (result) {
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

    /** This failed check as the API's problem (the detail is {@link #message}); a redirect is 502 tenovi_redirect. */
    public ApiProblem problem(String clientDomain) {
        String message = message(clientDomain);
        return switch (result) {
            case REJECTED -> new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "credentials_rejected", message);
            case UNKNOWN_CLIENT_DOMAIN -> new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "unknown_client_domain",
                    message);
            case REDIRECTED -> new ApiProblem(HttpStatus.BAD_GATEWAY, "tenovi_redirect", message);
            case UNREACHABLE, CONNECTED -> new ApiProblem(HttpStatus.BAD_GATEWAY, "tenovi_unreachable", message);
        };
    }
}
