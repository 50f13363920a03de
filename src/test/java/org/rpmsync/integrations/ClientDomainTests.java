package org.rpmsync.integrations;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientDomainTests {

    @Test
    void acceptsABareSlug() {
        assertThat(ClientDomain.parse(" MyClinic ")).contains("myclinic");
        assertThat(ClientDomain.parse("test-client")).contains("test-client");
    }

    @Test
    void reducesPastedTenoviUrlsToTheSlug() {
        assertThat(ClientDomain.parse("https://app.tenovi.com/org/myclinic/")).contains("myclinic");
        assertThat(ClientDomain.parse("https://app.tenovi.com/org/myclinic/patients?x=1")).contains("myclinic");
        assertThat(ClientDomain.parse("https://api2.tenovi.com/clients/myclinic/hwi/hwi-devices/")).contains("myclinic");
        assertThat(ClientDomain.parse("app.tenovi.com/org/myclinic")).contains("myclinic");
    }

    @Test
    void rejectsWhatIsNoSlug() {
        assertThat(ClientDomain.parse(null)).isEmpty();
        assertThat(ClientDomain.parse("")).isEmpty();
        assertThat(ClientDomain.parse("my clinic")).isEmpty();
        assertThat(ClientDomain.parse("../admin")).isEmpty();
        assertThat(ClientDomain.parse("-clinic")).isEmpty();
        assertThat(ClientDomain.parse("https://app.tenovi.com/home")).isEmpty();
        assertThat(ClientDomain.parse("a".repeat(64))).isEmpty();
    }
}
