package org.rpmsync.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * A webhook body's bytes as text, by JSON's own rules (RFC 8259 §8.1, RFC 4627 §3): a byte-order mark names UTF-8,
 * UTF-16 or UTF-32 and is dropped; without one, the pattern of zero bytes among the first four tells the encoding
 * (JSON text starts with two ASCII characters). Bytes that are not valid in that encoding, and a declared charset
 * that is not a Unicode one, are refused: the sender is told, the body is never guessed at.
 */
final class JsonText {

    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");
    private static final Set<String> UNICODE = Set.of("utf-8", "utf8", "utf-16", "utf-16be", "utf-16le", "utf-32",
            "utf-32be", "utf-32le");

    private JsonText() {
    }

    /** Why a body was refused, and with which status (400: not text in its encoding; 415: a charset we refuse). */
    static final class Refused extends Exception {
        private final boolean unsupported;

        Refused(String message, boolean unsupported) {
            super(message, null, false, false);
            this.unsupported = unsupported;
        }

        boolean unsupported() {
            return unsupported;
        }
    }

    static String decode(byte[] body, String contentType) throws Refused {
        String declared = charset(contentType);
        if (declared != null && !UNICODE.contains(declared)) {
            throw new Refused("The body must be JSON in UTF-8 (or UTF-16/UTF-32), not " + shown(declared) + ".", true);
        }
        int b0 = at(body, 0), b1 = at(body, 1), b2 = at(body, 2), b3 = at(body, 3);
        if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
            return decode(body, 3, StandardCharsets.UTF_8);
        }
        if (b0 == 0 && b1 == 0 && b2 == 0xFE && b3 == 0xFF) {
            return decode(body, 4, UTF_32BE);
        }
        if (b0 == 0xFF && b1 == 0xFE && b2 == 0 && b3 == 0) {
            return decode(body, 4, UTF_32LE);
        }
        if (b0 == 0xFE && b1 == 0xFF) {
            return decode(body, 2, StandardCharsets.UTF_16BE);
        }
        if (b0 == 0xFF && b1 == 0xFE) {
            return decode(body, 2, StandardCharsets.UTF_16LE);
        }
        if (body.length >= 4 && b0 == 0 && b1 == 0 && b2 == 0 && b3 != 0) {
            return decode(body, 0, UTF_32BE);
        }
        if (body.length >= 4 && b0 != 0 && b1 == 0 && b2 == 0 && b3 == 0) {
            return decode(body, 0, UTF_32LE);
        }
        if (body.length >= 2 && b0 == 0 && b1 != 0) {
            return decode(body, 0, StandardCharsets.UTF_16BE);
        }
        if (body.length >= 2 && b0 != 0 && b1 == 0) {
            return decode(body, 0, StandardCharsets.UTF_16LE);
        }
        return decode(body, 0, StandardCharsets.UTF_8);
    }

    private static String decode(byte[] body, int skip, Charset charset) throws Refused {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body, skip, body.length - skip)).toString();
        } catch (CharacterCodingException e) {
            throw new Refused("The body is not valid " + charset.name() + " text.", false);
        }
    }

    private static int at(byte[] body, int index) {
        return index < body.length ? body[index] & 0xFF : -1;
    }

    private static String charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String part : contentType.split(";")) {
            String p = part.strip().toLowerCase(Locale.ROOT);
            if (p.startsWith("charset=")) {
                return p.substring("charset=".length()).replace("\"", "").strip();
            }
        }
        return null;
    }

    private static String shown(String charset) {
        String safe = charset.replaceAll("[^a-z0-9._-]", "?");
        return safe.length() > 30 ? safe.substring(0, 30) : safe;
    }
}
