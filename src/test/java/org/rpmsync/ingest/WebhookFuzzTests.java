package org.rpmsync.ingest;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rpmsync.Fixtures;
import org.rpmsync.RpmSyncTest;
import org.rpmsync.TestWorld;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 §2, as a seeded fuzzer: thousands of deliveries mixing valid readings with mutated siblings (NUL and
 * unpaired surrogates in any string or name, values too long for their column, absurd numbers and times, wrong
 * shapes) and sent in every encoding JSON allows (UTF-8 with or without BOM, UTF-16/32 BE/LE with or without BOM).
 * A delivery is either refused with a 4xx, or accepted — and then every valid item of it is stored and the
 * delivery ends PROCESSED, never FAILED. Seeded, so a failure is reproducible.
 */
@RpmSyncTest
@Timeout(120)
class WebhookFuzzTests extends TestWorld {

    static final int DELIVERIES = Integer.getInteger("rpmsync.fuzz.deliveries", 1500);
    static final Instant BASE = Instant.parse("2024-10-16T00:00:00Z");
    static final Charset[] ENCODINGS = {StandardCharsets.UTF_8, StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE,
            Charset.forName("UTF-32BE"), Charset.forName("UTF-32LE")};
    static final String[] NASTY = {"\\u0000", "a\\u0000b", "\\ud800", "x\\udfff", "\\ud83d\\ude00", "\\u0001",
            "\\u007f", "é", "\\\"", "\\\\", " ", "", "%ff", "\\u2028", "\\ufeff"};

    @Autowired
    InboxWorker worker;

    @Test
    void everyValidItemOfAnAcceptedDeliveryIsStored() throws Exception {
        Fixtures.Webhook webhook = fixtures.tenoviWebhook(fixtures.tenoviOrganization());
        Random random = new Random(20261201);
        Set<String> expected = new HashSet<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        int reading = 0;
        for (int d = 0; d < DELIVERIES; d++) {
            List<String> items = new ArrayList<>();
            List<String> valid = new ArrayList<>();
            int count = 1 + random.nextInt(5);
            for (int i = 0; i < count; i++) {
                String device = "fz-" + reading;
                String item = valid(device, BASE.plusSeconds(60L * reading++), random);
                if (random.nextInt(3) == 0) {
                    items.add(mutate(item, random));
                } else {
                    items.add(item);
                    valid.add(device);
                }
            }
            String json = items.size() == 1 && random.nextBoolean() ? items.get(0) : "[" + String.join(",", items) + "]";
            byte[] body = encode(json, random);
            boolean corrupt = random.nextInt(40) == 0;
            if (corrupt) {
                body = corrupt(body, random);
            }
            int status = deliver(webhook, body, "application/json").andReturn().getResponse().getStatus();
            statuses.merge(status, 1, Integer::sum);
            assertThat(status).as("delivery %d: %s", d, json).isIn(202, 400, 415);
            if (status == 202 && !corrupt) {
                expected.addAll(valid);
            }
            if (d % 250 == 249) {
                worker.drain();
            }
        }
        worker.drain();
        UUID organization = webhook.organization().id().value();
        Set<String> stored = new HashSet<>(jdbc.sql("select device_id from measurements where organization_id = ?")
                .param(organization).query(String.class).list());
        assertThat(expected).hasSizeGreaterThan(DELIVERIES);
        assertThat(stored).containsAll(expected);
        assertThat(jdbc.sql("select status, count(*) from inbox_messages where organization_id = ? group by status")
                .param(organization).query((rs, row) -> rs.getString(1)).list()).containsOnly("PROCESSED");
        assertThat(statuses).containsKey(202);
    }

    static String valid(String device, Instant at, Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> WebhookIngestTests.opening(device, at, 1 + random.nextInt(7), 1 + random.nextInt(2));
            case 1 -> WebhookIngestTests.bpm(device, at, "blood_pressure", Integer.toString(100 + random.nextInt(60)),
                    Integer.toString(60 + random.nextInt(30)));
            default -> """
                    {"metric":"glucose","hwi_device_id":"%s","value_1":"%d","timestamp":"%s","patient_id":"P-%d"}"""
                    .formatted(device, 70 + random.nextInt(100), at, random.nextInt(5));
        };
    }

    /** One odd change to an item: nasty text in a value or a name, sizes, numbers, times and shapes. */
    static String mutate(String item, Random random) {
        String nasty = NASTY[random.nextInt(NASTY.length)];
        String q = Matcher.quoteReplacement(nasty);
        return switch (random.nextInt(12)) {
            case 0 -> replaceValue(item, random, "\"" + nasty + "\"");
            case 1 -> item.replaceFirst("\"hwi_device_id\":\"", "\"hwi_device_id\":\"" + q);
            case 2 -> item.replaceFirst("\\{", "{\"" + q + "\":\"" + q + "\",");
            case 3 -> item.replaceFirst("\\{", "{\"extra\":{\"deep\":[1,\"" + q + "\"]},");
            case 4 -> replaceValue(item, random, "\"" + "9".repeat(35) + "e30\"");
            case 5 -> replaceValue(item, random, "\"" + "x".repeat(40 + random.nextInt(200)) + "\"");
            case 6 -> replaceValue(item, random, random.nextBoolean() ? "1e999999999" : "-99999999999999999999");
            case 7 -> item.replaceFirst("\"timestamp\":\"[^\"]*\"",
                    "\"timestamp\":\"" + (random.nextBoolean() ? "+999999999-12-31T00:00:00Z" : "0000-00-00") + "\"");
            case 8 -> "{\"hwi_device_id\":\"" + nasty + "\",\"status\":\"" + "s".repeat(random.nextInt(80)) + nasty + "\"}";
            case 9 -> random.nextBoolean() ? "[" + item + "]" : "\"" + nasty + "\"";
            case 10 -> item.replaceFirst("\"metric\":\"[^\"]*\"", "\"metric\":\"" + q + "\"");
            default -> item.replaceFirst("\\{", "{\"filter_params\":{\"measurement_index\":\"" + q + "\"},");
        };
    }

    private static String replaceValue(String item, Random random, String value) {
        String[] keys = {"value_1", "value_2", "patient_id", "hwi_device_id", "timezone_offset", "metric"};
        String key = keys[random.nextInt(keys.length)];
        return item.replaceFirst("\"" + key + "\":(\"[^\"]*\"|[^,}]*)", Matcher.quoteReplacement("\"" + key + "\":" + value));
    }

    private static byte[] encode(String json, Random random) {
        Charset charset = random.nextInt(3) == 0 ? ENCODINGS[random.nextInt(ENCODINGS.length)] : StandardCharsets.UTF_8;
        byte[] text = json.getBytes(charset);
        if (!random.nextBoolean()) {
            return text;
        }
        byte[] bom = "\uFEFF".getBytes(charset);
        byte[] body = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, body, 0, bom.length);
        System.arraycopy(text, 0, body, bom.length, text.length);
        return body;
    }

    /** Bytes that are not text: an invalid byte, or a cut in the middle. */
    private static byte[] corrupt(byte[] body, Random random) {
        byte[] copy = body.clone();
        if (random.nextBoolean() && copy.length > 4) {
            copy[2 + random.nextInt(copy.length - 2)] = (byte) 0xFF;
            return copy;
        }
        return java.util.Arrays.copyOf(copy, Math.max(1, copy.length / 2 - 1));
    }
}
