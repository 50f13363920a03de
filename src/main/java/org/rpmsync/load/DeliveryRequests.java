package org.rpmsync.load;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * The whole HTTP request of delivery number {@code sequence}: one {@code blood_pressure} item shaped like Tenovi's
 * measurement webhook, over 64 device ids, with the microsecond timestamp {@code baseMicros + sequence} (so every
 * sequence number is a distinct measurement) and varying values and {@code measurement_index}. Appended piece by
 * piece from precomputed parts, no {@code String.format}; one instance per sender thread (it reuses its buffers).
 */
final class DeliveryRequests {

    static final int DEVICES = 64;
    private static final String[] DEVICE_IDS = new String[DEVICES];
    private static final String[] PATIENT_IDS = new String[DEVICES];
    private static final String[] HARDWARE_IDS = new String[DEVICES];
    private static final DateTimeFormatter SECOND =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    static {
        for (int d = 0; d < DEVICES; d++) {
            DEVICE_IDS[d] = UUID.nameUUIDFromBytes(("load-device-" + d).getBytes(StandardCharsets.UTF_8)).toString();
            PATIENT_IDS[d] = "LOAD-%04d".formatted(d);
            HARDWARE_IDS[d] = "%012X".formatted(d);
        }
    }

    private final String head;
    private final long baseMicros;
    private final boolean asArray;
    private final StringBuilder body = new StringBuilder(640);
    private final StringBuilder request = new StringBuilder(1024);
    private long cachedSecond = Long.MIN_VALUE;
    private String cachedSecondText;

    DeliveryRequests(WebhookLoad.LoadPlan plan, long baseMicros) {
        var url = plan.url();
        var target = (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        this.head = "POST " + target + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + (url.getPort() < 0 ? 80 : url.getPort())
                + "\r\nContent-Type: application/json\r\n"
                + (plan.secret() == null ? "" : plan.header() + ": " + plan.secret() + "\r\n") + "Content-Length: ";
        this.baseMicros = baseMicros;
        this.asArray = plan.asArray();
    }

    /** The request bytes (request line, headers, body) of delivery {@code sequence}. */
    byte[] request(long sequence) {
        write(sequence);
        request.setLength(0);
        request.append(head).append(body.length()).append("\r\n\r\n").append(body);
        return request.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The JSON body of delivery {@code sequence}. */
    String body(long sequence) {
        write(sequence);
        return body.toString();
    }

    /** Writes the body into {@link #body}: ASCII only, so its length in chars is its length in bytes. */
    private void write(long sequence) {
        int device = (int) (sequence % DEVICES);
        body.setLength(0);
        body.append(asArray ? "[" : "").append("{\"metric\": \"blood_pressure\", \"device_name\": \"Tenovi BPM - L\",")
                .append(" \"hwi_device_id\": \"").append(DEVICE_IDS[device])
                .append("\", \"patient_id\": \"").append(PATIENT_IDS[device])
                .append("\", \"hardware_uuid\": \"").append(HARDWARE_IDS[device])
                .append("\", \"sensor_code\": \"10\", \"value_1\": \"").append(100 + sequence % 60)
                .append(".00\", \"value_2\": \"").append(60 + sequence % 30).append(".00\", \"created\": \"");
        timestamp(baseMicros + sequence);
        body.append("\", \"timestamp\": \"");
        timestamp(baseMicros + sequence);
        body.append("\", \"timezone_offset\": -5, \"estimated_timestamp\": false,")
                .append(" \"filter_params\": {\"measurement_index\": ").append(sequence % 100_000 + 1)
                .append("}}").append(asArray ? "]" : "");
    }

    /** Appends {@code yyyy-MM-ddTHH:mm:ss.SSSSSSZ} (UTC), formatting the date and time only when the second changes. */
    private void timestamp(long micros) {
        long second = Math.floorDiv(micros, 1_000_000L);
        if (second != cachedSecond) {
            cachedSecondText = SECOND.format(Instant.ofEpochSecond(second));
            cachedSecond = second;
        }
        int fraction = (int) Math.floorMod(micros, 1_000_000L);
        body.append(cachedSecondText).append('.');
        for (int digit = 100_000; digit > 0; digit /= 10) {
            body.append((char) ('0' + fraction / digit % 10));
        }
        body.append('Z');
    }
}
