package org.rpmsync.tenovi;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random and mutated bodies: reading never fails with anything but {@link MalformedPayload} for the whole body,
 * and translating never fails with anything but a per-item reason. Seeded, so a failure is reproducible.
 */
class TenoviPayloadsFuzzTests {

    private static final List<String> KEYS = List.of("metric", " metric", "hwi_device_id", "value_1", "value_2",
            "timestamp", "timezone_offset", "estimated_timestamp", "filter_params", "status", "patient_id", "x");
    private static final List<String> VALUES = List.of("null", "1", "-4", "\"4.00\"", "\"2.00\"", "[]", "{}",
            "true", "\"pillbox_opened\"", "\"blood_pressure\"", "\"2024-10-16T04:10:00Z\"", "\"\"", "1e999999999",
            "\"1e999999999\"", "{\"compartment\":\"Monday AM\"}", "{\"measurement_index\":null}", "99999999999999",
            "\"\\u0000\"", "-0.0", "\"Sunday PM\"");

    private final TenoviPayloads payloads = new TenoviPayloads();
    private final TenoviReadings readings = new TenoviReadings(new TenoviUnits(null, null));

    @Test
    void randomBodiesNeverEscapeAsUnexpectedErrors() {
        Random random = new Random(20261126);
        int read = 0;
        for (int run = 0; run < 5000; run++) {
            String body = random.nextInt(10) == 0 ? garbage(random) : items(random);
            try {
                TenoviDelivery delivery = payloads.read(body);
                read++;
                delivery.measurements().forEach(m -> {
                    try {
                        readings.translate(m);
                    } catch (TenoviPayloads.InvalidItem expected) {
                        assertThat(expected.getMessage()).isNotBlank();
                    }
                });
                assertThat(delivery.rejected()).allSatisfy(r -> assertThat(r.reason()).isNotBlank());
            } catch (MalformedPayload expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
        assertThat(read).as("most generated bodies are readable JSON").isGreaterThan(3000);
    }

    private static String items(Random random) {
        StringBuilder body = new StringBuilder("[");
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            body.append(i == 0 ? "" : ",").append("{");
            int fields = random.nextInt(KEYS.size());
            for (int f = 0; f < fields; f++) {
                body.append(f == 0 ? "" : ",").append('"').append(KEYS.get(random.nextInt(KEYS.size()))).append("\":")
                        .append(VALUES.get(random.nextInt(VALUES.size())));
            }
            body.append("}");
        }
        return body.append("]").toString();
    }

    private static String garbage(Random random) {
        byte[] bytes = new byte[random.nextInt(40)];
        random.nextBytes(bytes);
        return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
