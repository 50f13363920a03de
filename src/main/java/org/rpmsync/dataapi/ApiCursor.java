package org.rpmsync.dataapi;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.rpmsync.measurements.Reading;

/** An opaque position in newest-first order: base64url of "measuredAt|id" of the last item returned. */
record ApiCursor(Instant measuredAt, UUID id) {

    static ApiCursor after(Reading last) {
        return new ApiCursor(last.measuredAt(), last.id());
    }

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((measuredAt + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    static Optional<ApiCursor> decode(String text) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|");
            return parts.length == 2 ? Optional.of(new ApiCursor(Instant.parse(parts[0]), UUID.fromString(parts[1])))
                    : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
