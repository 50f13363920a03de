package org.rpmsync.integrations;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretBoxTests {

    static final String OLD = Base64.getEncoder().encodeToString(new byte[32]);
    static final String NEW = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    static final String API_KEY = "tk_live_9f8e7d6c5b4a39281706";

    SecretBox box(String key, String id, Map<String, String> previous) {
        return new SecretBox(new EncryptionProperties(key, id, Path.of("unused"), previous));
    }

    @Test
    void roundTripsASecret() {
        SecretBox box = box(NEW, "k2", Map.of());
        SealedSecret sealed = box.seal(API_KEY, "org-1");
        assertThat(sealed.keyId()).isEqualTo("k2");
        assertThat(Base64.getDecoder().decode(sealed.iv())).hasSize(12);
        assertThat(box.open(sealed, "org-1")).isEqualTo(API_KEY);
    }

    @Test
    void ciphertextDiffersEachTimeAndHidesTheKey() {
        SecretBox box = box(NEW, "k2", Map.of());
        SealedSecret a = box.seal(API_KEY, "org-1");
        SealedSecret b = box.seal(API_KEY, "org-1");
        assertThat(a.iv()).isNotEqualTo(b.iv());
        assertThat(a.ciphertext()).isNotEqualTo(b.ciphertext());
        assertThat(a.ciphertext() + a.iv()).doesNotContain(API_KEY)
                .doesNotContain(Base64.getEncoder().encodeToString(API_KEY.getBytes()));
    }

    @Test
    void decryptsValuesSealedUnderAPreviousKeyAfterRotation() {
        SealedSecret old = box(OLD, "k1", Map.of()).seal(API_KEY, "org-1");
        SecretBox rotated = box(NEW, "k2", Map.of("k1", OLD));
        assertThat(rotated.open(old, "org-1")).isEqualTo(API_KEY);
        assertThat(rotated.seal(API_KEY, "org-1").keyId()).isEqualTo("k2");
    }

    @Test
    void refusesAValueMovedToAnotherContextOrAnUnknownKey() {
        SecretBox box = box(NEW, "k2", Map.of());
        SealedSecret sealed = box.seal(API_KEY, "org-1");
        assertThatThrownBy(() -> box.open(sealed, "org-2")).isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining(API_KEY);
        assertThatThrownBy(() -> box.open(new SealedSecret("k9", sealed.iv(), sealed.ciphertext()), "org-1"))
                .hasMessageContaining("k9");
    }

    @Test
    void rejectsAKeyOfTheWrongSize() {
        assertThatThrownBy(() -> box("c2hvcnQ=", "k1", Map.of())).hasMessageContaining("32 bytes");
    }

    @Test
    void generatesAnOwnerOnlyKeyFileWhenNoKeyIsConfiguredAndReusesIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data/encryption.key");
        SecretBox first = new SecretBox(new EncryptionProperties("", "k1", file, Map.of()));
        SealedSecret sealed = first.seal(API_KEY, "org-1");

        assertThat(file).exists();
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        SecretBox second = new SecretBox(new EncryptionProperties(null, "k1", file, Map.of()));
        assertThat(second.open(sealed, "org-1")).isEqualTo(API_KEY);
    }
}
