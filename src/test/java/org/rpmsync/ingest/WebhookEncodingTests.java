package org.rpmsync.ingest;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rpmsync.Fixtures;
import org.rpmsync.RpmSyncTest;
import org.rpmsync.TestWorld;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Issue 13 §2: what a webhook accepts it keeps, item by item; what it cannot read it refuses with a 4xx. */
@RpmSyncTest
class WebhookEncodingTests extends TestWorld {

    static final Instant AT = Instant.parse("2024-10-16T12:00:00Z");

    @Autowired
    InboxWorker worker;

    @Test
    void aNulInAnyStringRejectsThatItemOnlyAndKeepsItEscaped() throws Exception {
        Fixtures.Webhook webhook = fixtures.tenoviWebhook(fixtures.tenoviOrganization());
        String body = "[" + WebhookIngestTests.opening("nul-ok", AT, 4, 1) + ","
                + WebhookIngestTests.opening("nul-\\u0000-bad", AT, 4, 1) + ","
                + WebhookIngestTests.opening("nul-ok-2", AT, 4, 2).replace("\"PAT-1\"", "\"P\\u0000\"") + ","
                + "{\"hwi_device_id\":\"x\",\"status\":\"\\u0000\"}" + ","
                + WebhookIngestTests.bpm("nul-ok-3", AT, "blood_pressure", "120", "80") + "]";
        deliver(webhook, body.getBytes(StandardCharsets.UTF_8), "application/json").andExpect(status().isAccepted());
        worker.drain();
        UUID organization = webhook.organization().id().value();
        assertThat(jdbc.sql("select device_id from measurements where organization_id = ? order by device_id")
                .param(organization).query(String.class).list()).containsExactly("nul-ok", "nul-ok-3");
        assertThat(jdbc.sql("select status || ' ' || items || ' ' || stored || ' ' || rejected from inbox_messages "
                + "where organization_id = ?").param(organization).query(String.class).single())
                .isEqualTo("PROCESSED 5 2 3");
        assertThat(jdbc.sql("select reason from rejected_items where organization_id = ? order by id")
                .param(organization).query(String.class).list())
                .containsExactly("item 1: hwi_device_id contains a NUL character (U+0000)",
                        "item 2: patient_id contains a NUL character (U+0000)",
                        "item 3: status contains a NUL character (U+0000)");
        assertThat(jdbc.sql("select raw_item from rejected_items where organization_id = ? order by id limit 1")
                .param(organization).query(String.class).single()).contains("nul-\\u0000-bad");
    }

    @Test
    void bodiesInEveryEncodingJsonAllowsAreStoredAsText() throws Exception {
        Fixtures.Webhook webhook = fixtures.tenoviWebhook(fixtures.tenoviOrganization());
        String[] charsets = {"UTF-8", "UTF-16BE", "UTF-16LE", "UTF-32BE", "UTF-32LE"};
        for (int i = 0; i < charsets.length; i++) {
            Charset charset = Charset.forName(charsets[i]);
            String json = WebhookIngestTests.opening("enc-" + i, AT, 4, 1);
            deliver(webhook, json.getBytes(charset), "application/json").andExpect(status().isAccepted());
            deliver(webhook, ("\uFEFF" + json.replace("enc-", "bom-")).getBytes(charset), "application/json")
                    .andExpect(status().isAccepted());
        }
        worker.drain();
        UUID organization = webhook.organization().id().value();
        assertThat(jdbc.sql("select count(*) from measurements where organization_id = ?").param(organization)
                .query(Long.class).single()).isEqualTo(10);
        assertThat(jdbc.sql("select count(*) from inbox_messages where organization_id = ? and status = 'PROCESSED' "
                + "and rejected = 0").param(organization).query(Long.class).single()).isEqualTo(10);
    }

    @Test
    void bytesThatAreNotTextAndCharsetsThatAreNotUnicodeAreRefusedNever503() throws Exception {
        Fixtures.Webhook webhook = fixtures.tenoviWebhook(fixtures.tenoviOrganization());
        byte[] json = WebhookIngestTests.opening("bad", AT, 4, 1).getBytes(StandardCharsets.UTF_8);
        byte[] invalid = json.clone();
        invalid[5] = (byte) 0xFF;
        deliver(webhook, invalid, "application/json").andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("malformed_payload"));
        deliver(webhook, json, "application/json; charset=ISO-8859-1").andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.code").value("unsupported_media_type"));
        byte[] oddUtf16 = java.util.Arrays.copyOf("{\"a\":1}".getBytes(StandardCharsets.UTF_16LE), 13);
        deliver(webhook, oddUtf16, "application/json").andExpect(status().isBadRequest());
        deliver(webhook, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "application/json")
                .andExpect(status().isBadRequest());
    }
}
