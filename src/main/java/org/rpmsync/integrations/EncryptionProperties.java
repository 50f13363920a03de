package org.rpmsync.integrations;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rpmsync.encryption.*}: the key-encryption keys for secrets stored in the database.
 *
 * @param key          base64 of 32 bytes ({@code RPMSYNC_ENCRYPTION_KEY}); when blank, {@code keyFile} is used
 * @param keyId        the id stored beside every value sealed with {@code key}
 * @param keyFile      generated on first start (owner-only) when no key is configured
 * @param previousKeys older keys by id (base64 of 32 bytes each), still accepted for decryption after a rotation
 */
@ConfigurationProperties("rpmsync.encryption")
record EncryptionProperties(
        String key,
        @DefaultValue("k1") String keyId,
        @DefaultValue("./data/encryption.key") Path keyFile,
        Map<String, String> previousKeys) {

    EncryptionProperties {
        previousKeys = previousKeys == null ? Map.of() : Map.copyOf(previousKeys);
    }
}
