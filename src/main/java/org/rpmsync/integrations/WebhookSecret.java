package org.rpmsync.integrations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A newly generated webhook secret with where and how Tenovi must send it. Shown exactly once; only its SHA-256
 * is stored.
 */
public record WebhookSecret(String authHeader, String authKey, String url) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final MessageDigest SHA_256 = sha256();

    /** 256 random bits, URL-safe base64 without padding. */
    static String generate() {
        return random(32);
    }

    /** An opaque, URL-safe id for the webhook URL (192 bits). */
    static String generateKey() {
        return random(24);
    }

    /**
     * The SHA-256 of {@code value} in hex. Digests are cloned from one made at start: looking the algorithm up among
     * the security providers on every webhook delivery was a tenth of its request CPU (BENCHMARKS.md, issue 16).
     */
    static String hash(String value) {
        try {
            byte[] digest = ((MessageDigest) SHA_256.clone()).digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
    }

    @Override
    public String toString() {
        return "WebhookSecret[authHeader=" + authHeader + ", url=" + url + "]";
    }
}
