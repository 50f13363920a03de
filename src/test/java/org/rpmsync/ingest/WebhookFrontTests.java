package org.rpmsync.ingest;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** Which paths the front door answers itself: one webhook key (URL-safe base64) after /webhooks/tenovi/. */
class WebhookFrontTests {

    private static String key(String contextPath, String uri) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", uri);
        request.setContextPath(contextPath);
        return WebhookFront.webhookKey(request);
    }

    @Test
    void oneKeyOfTheWebhookKeyAlphabetIsAnsweredAtTheDoor() {
        assertThat(key("", "/webhooks/tenovi/Ab-9_z")).isEqualTo("Ab-9_z");
        assertThat(key("", "/webhooks/tenovi/" + "k".repeat(100))).as("too long: refused with its secret, 401")
                .hasSize(100);
        assertThat(key("/rpm", "/rpm/webhooks/tenovi/abc")).isEqualTo("abc");
    }

    @Test
    void anythingElseGoesDownTheChain() {
        for (String uri : new String[] {"/webhooks/tenovi/", "/webhooks/tenovi/a/b", "/webhooks/tenovi/a.b",
                "/webhooks/tenovi/a%2Fb", "/webhooks/tenovi/a;b", "/webhooks/tenovix", "/webhooks/other/abc",
                "/rpm/webhooks/tenovi/abc"}) {
            assertThat(key("", uri)).as(uri).isNull();
        }
    }
}
