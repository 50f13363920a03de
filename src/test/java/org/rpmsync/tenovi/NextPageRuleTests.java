package org.rpmsync.tenovi;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 15 §1: one rule decides which {@code next} links of any list the API key is sent to. */
class NextPageRuleTests {

    private static final TenoviCredentials CREDENTIALS = new TenoviCredentials("myclinic", "k-1234567890");

    private static TenoviClient client(String baseUrl) {
        return new TenoviClient(new TenoviProperties(URI.create(baseUrl), Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofMillis(10), Duration.ofMillis(10), "Authorization", Duration.ofMillis(10)), RestClient.builder(),
                null);
    }

    @Test
    void followsLinksBelowTheOrganizationOnOurOriginOrOnTenovisHosts() {
        TenoviClient simulator = client("http://127.0.0.1:8080/simulator/tenovi");
        assertThat(simulator.nextPage(CREDENTIALS,
                "http://127.0.0.1:8080/simulator/tenovi/clients/myclinic/hwi/hwi-devices/?page=2"))
                .hasToString("http://127.0.0.1:8080/simulator/tenovi/clients/myclinic/hwi/hwi-devices/?page=2");
        TenoviClient tenovi = client("https://api2.tenovi.com");
        assertThat(tenovi.nextPage(CREDENTIALS, "https://api.tenovi.com/clients/myclinic/hwi/webhooks/?page=2"))
                .hasToString("https://api.tenovi.com/clients/myclinic/hwi/webhooks/?page=2");
    }

    @Test
    void refusesEveryOtherLinkAsAConfigurationError() {
        TenoviClient tenovi = client("https://api2.tenovi.com");
        for (String next : new String[] {
                "https://evil.example.com/clients/myclinic/hwi/hwi-devices/?page=2",
                "http://api.tenovi.com/clients/myclinic/hwi/hwi-devices/?page=2",
                "https://api2.tenovi.com/clients/otherclinic/hwi/hwi-devices/?page=2",
                "https://api2.tenovi.com/clients/myclinic/../otherclinic/hwi/?page=2",
                "https://user@api2.tenovi.com/clients/myclinic/hwi/hwi-devices/?page=2",
                "https://api2.tenovi.com.evil.example/clients/myclinic/hwi/?page=2",
                "not a link"}) {
            assertThatThrownBy(() -> tenovi.nextPage(CREDENTIALS, next)).as(next)
                    .isInstanceOfSatisfying(TenoviUnavailable.class,
                            e -> assertThat(e.kind()).isEqualTo(TenoviUnavailable.Kind.CONFIGURATION));
        }
    }
}
