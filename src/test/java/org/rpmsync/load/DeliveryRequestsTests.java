package org.rpmsync.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class DeliveryRequestsTests {

    private static final long BASE = Instant.parse("2026-03-01T23:59:59Z").getEpochSecond() * 1_000_000L;

    @Test
    void everyBodyIsTheTenoviMeasurementTheToolAlwaysSentWithoutStringFormat() {
        var requests = new DeliveryRequests(plan(false, null), BASE);
        for (long sequence : new long[] {0, 1, 63, 64, 999_999, 1_000_000, 1_000_001, 123_456_789}) {
            assertThat(requests.body(sequence)).isEqualTo(formatted(sequence));
        }
        assertThat(new DeliveryRequests(plan(true, null), BASE).body(7)).isEqualTo("[" + formatted(7) + "]");
    }

    @Test
    void consecutiveSequencesAreDistinctMeasurementsOverSixtyFourDevices() {
        var requests = new DeliveryRequests(plan(false, null), BASE);
        var json = JsonMapper.builder().build();
        var keys = new HashSet<String>();
        var devices = new HashSet<String>();
        LongStream.range(0, 5_000).forEach(sequence -> {
            var item = json.readTree(requests.body(sequence));
            keys.add(item.get("hwi_device_id").asString() + item.get("timestamp").asString()
                    + item.get("value_1").asString() + item.get("value_2").asString());
            devices.add(item.get("hwi_device_id").asString());
            assertThat(item.get("created").asString()).isEqualTo(item.get("timestamp").asString());
        });
        assertThat(keys).hasSize(5_000);
        assertThat(devices).hasSize(64);
    }

    @Test
    void theRequestIsWholeHttpWithTheHeaderAndTheBodysLength() {
        var requests = new DeliveryRequests(plan(false, "Basic s3"), BASE);
        var request = new String(requests.request(5), StandardCharsets.UTF_8);
        var body = formatted(5);
        assertThat(request).isEqualTo("POST /webhooks/tenovi/k?a=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n"
                + "Content-Type: application/json\r\nX-Secret: Basic s3\r\nContent-Length: " + body.length() + "\r\n\r\n"
                + body);
    }

    private static WebhookLoad.LoadPlan plan(boolean asArray, String secret) {
        return new WebhookLoad.LoadPlan(URI.create("http://127.0.0.1:8080/webhooks/tenovi/k?a=1"), 10, 1, 1,
                "X-Secret", secret, asArray);
    }

    /** The body as the tool built it with String.format before it was built piece by piece. */
    private static String formatted(long sequence) {
        var device = UUID.nameUUIDFromBytes(("load-device-" + sequence % 64).getBytes());
        var timestamp = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC)
                .format(Instant.EPOCH.plus(BASE + sequence, ChronoUnit.MICROS));
        return String.format(Locale.ROOT, "{\"metric\": \"blood_pressure\", \"device_name\": \"Tenovi BPM - L\","
                + " \"hwi_device_id\": \"%s\", \"patient_id\": \"LOAD-%04d\", \"hardware_uuid\": \"%012X\","
                + " \"sensor_code\": \"10\", \"value_1\": \"%d.00\", \"value_2\": \"%d.00\", \"created\": \"%s\","
                + " \"timestamp\": \"%s\", \"timezone_offset\": -5, \"estimated_timestamp\": false,"
                + " \"filter_params\": {\"measurement_index\": %d}}",
                device, sequence % 64, sequence % 64, 100 + sequence % 60, 60 + sequence % 30, timestamp, timestamp,
                sequence % 100_000 + 1);
    }
}
