package org.rpmsync.integrations;

import org.junit.jupiter.api.Test;
import org.rpmsync.tenovi.ConnectionCheck;
import org.rpmsync.tenovi.ConnectionCheck.Result;

import static org.assertj.core.api.Assertions.assertThat;

/** What people are told about each outcome of a key check, on the tile and as the API's problem. */
class TenoviStatusTests {

    @Test
    void tellsEachOutcomeInASentenceAndAsAProblem() {
        assertThat(TenoviStatus.message(new ConnectionCheck(Result.CONNECTED, 200), "myclinic"))
                .isEqualTo("Connected to myclinic");
        assertThat(TenoviStatus.message(new ConnectionCheck(Result.REJECTED, 403), "myclinic"))
                .isEqualTo("Tenovi rejected this API key for myclinic");
        assertThat(TenoviStatus.message(new ConnectionCheck(Result.UNKNOWN_CLIENT_DOMAIN, 404), "myclinic"))
                .isEqualTo("Tenovi does not know the organization myclinic");
        assertThat(TenoviStatus.message(new ConnectionCheck(Result.UNREACHABLE, 500), "myclinic"))
                .isEqualTo("Couldn't reach Tenovi (HTTP 500). Try again in a few minutes.");
        assertThat(TenoviStatus.message(new ConnectionCheck(Result.UNREACHABLE, 0), "myclinic"))
                .isEqualTo("Couldn't reach Tenovi. Try again in a few minutes.");
        assertThat(TenoviStatus.message(new ConnectionCheck(Result.UNREACHABLE, 429), "myclinic"))
                .startsWith("Couldn't reach Tenovi: it kept answering 'too many requests'");
        assertThat(TenoviStatus.message(new ConnectionCheck(Result.REDIRECTED, 301), "myclinic"))
                .isEqualTo("Tenovi answered with a redirect: check the base URL");

        assertThat(TenoviStatus.problem(new ConnectionCheck(Result.REJECTED, 401), "myclinic").code())
                .isEqualTo("credentials_rejected");
        assertThat(TenoviStatus.problem(new ConnectionCheck(Result.UNKNOWN_CLIENT_DOMAIN, 404), "myclinic").code())
                .isEqualTo("unknown_client_domain");
        assertThat(TenoviStatus.problem(new ConnectionCheck(Result.REDIRECTED, 302), "myclinic").status().value())
                .isEqualTo(502);
        assertThat(TenoviStatus.problem(new ConnectionCheck(Result.UNREACHABLE, 0), "myclinic").code())
                .isEqualTo("tenovi_unreachable");
    }
}
