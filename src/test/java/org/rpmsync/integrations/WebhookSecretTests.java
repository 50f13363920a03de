package org.rpmsync.integrations;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The stored form of webhook secrets: SHA-256 in hex, the same from every thread (digests are cloned, not shared). */
class WebhookSecretTests {

    @Test
    void hashesAreSha256InHex() {
        assertThat(WebhookSecret.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(WebhookSecret.hash(""))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void concurrentHashesDoNotMixUp() {
        Set<String> wrong = ConcurrentHashMap.newKeySet();
        String expected = WebhookSecret.hash("Basic secret-value");
        IntStream.range(0, 20_000).parallel().forEach(i -> {
            String value = i % 2 == 0 ? "Basic secret-value" : "other " + i;
            String hash = WebhookSecret.hash(value);
            if (i % 2 == 0 && !hash.equals(expected) || i % 2 == 1 && hash.equals(expected)) {
                wrong.add(value);
            }
        });
        assertThat(wrong).isEmpty();
    }
}
