package org.rpmsync.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The simulator's HWI API answers as Tenovi documents it: paging, keys, measurements. */
@RunningSimulator
class SimulatedHwiApiTests {

    @LocalServerPort
    int port;
    SimulatorHttp http;
    String key;
    String domain;
    String device;

    @BeforeEach
    void account() {
        http = new SimulatorHttp(port);
        key = "key-" + System.nanoTime();
        domain = http.newAccount(key, null);
        device = http.newPatient(domain, "PAT-A", "ADHERENT", "BPM").get(0);
    }

    private void inject(int count) {
        for (int i = 0; i < count; i++) {
            var response = http.control("accounts/" + domain + "/devices/" + device + "/measurements", Map.of(
                    "metric", i % 2 == 0 ? "blood_pressure" : "pulse", "value_1", Integer.toString(110 + i),
                    "value_2", "80", "timestamp", String.format("2026-03-01T08:%02d:00Z", i),
                    "filter_params", Map.of("measurement_index", i + 1)));
            assertThat(response.statusCode()).isEqualTo(201);
        }
    }

    @Test
    void followingNextUntilNullVisitsEveryMeasurementOnce() {
        inject(25);
        var url = http.api(domain) + "/hwi-devices/" + device + "/measurements/?page=1&page_size=10";
        var seen = new ArrayList<Object>();
        int pages = 0;
        while (url != null) {
            var response = http.get(url, key);
            assertThat(response.statusCode()).isEqualTo(200);
            var page = http.map(response.body());
            assertThat(page).containsOnlyKeys("count", "next", "previous", "results");
            assertThat(page.get("count")).isEqualTo(25);
            assertThat(page.get("previous") == null).isEqualTo(pages == 0);
            seen.addAll((List<?>) page.get("results"));
            url = (String) page.get("next");
            assertThat(url == null || url.startsWith("http://127.0.0.1:" + port + "/")).isTrue();
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(25).doesNotHaveDuplicates();
    }

    @Test
    void patientMeasurementsPageSizeIsCappedAtOneThousand() {
        inject(3);
        var response = http.get(http.api(domain) + "/patients/PAT-A/measurements/?page=1&page_size=5000", key);
        assertThat(http.map(response.body())).containsEntry("count", 3).containsEntry("next", null);
        assertThat(http.get(http.api(domain) + "/patients/PAT-A/measurements/?page=2", key).statusCode())
                .isEqualTo(404);
    }

    @Test
    void filtersMeasurementsByTimestampAndMetric() {
        inject(10);
        var url = http.api(domain) + "/patients/PAT-A/measurements/?timestamp__gte=2026-03-01T08:02:00Z"
                + "&timestamp__lt=2026-03-01T08:08:00Z&metric__name=blood_pressure";
        var items = http.list(http.get(url, key).body());
        assertThat(items).extracting(m -> m.get("timestamp")).containsExactly("2026-03-01T08:02:00.000000Z",
                "2026-03-01T08:04:00.000000Z", "2026-03-01T08:06:00.000000Z");
        var created = http.list(http.get(http.api(domain) + "/patients/PAT-A/measurements/"
                + "?created__gte=2026-03-02T12:00:00Z", key).body());
        assertThat(created).hasSize(10);
        assertThat(http.get(url + "&created__lt=not-a-date", key).statusCode()).isEqualTo(400);
    }

    @Test
    void servesValuesWithTwoDecimalsAndMicrosecondUtcTimes() {
        inject(1);
        var item = http.list(http.get(http.api(domain) + "/hwi-devices/" + device + "/measurements/", key)
                .body()).get(0);
        assertThat(item).containsOnlyKeys("metric", "device_name", "hwi_device_id", "patient_id", "hardware_uuid",
                "sensor_code", "value_1", "value_2", "created", "timestamp", "timezone_offset",
                "estimated_timestamp", "filter_params");
        assertThat(item).containsEntry("value_1", "110.00").containsEntry("value_2", "80.00")
                .containsEntry("sensor_code", "10").containsEntry("timezone_offset", -5)
                .containsEntry("filter_params", Map.of("measurement_index", 1))
                .containsEntry("timestamp", "2026-03-01T08:00:00.000000Z");
        assertThat((String) item.get("created")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
    }

    @Test
    void servesBareArrayWithoutPage() {
        var response = http.get(http.api(domain) + "/hwi-devices/", key);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(http.list(response.body())).singleElement().satisfies(d -> {
            assertThat(d.get("id")).isEqualTo(device);
            assertThat(d.get("status")).isEqualTo("Connected");
            assertThat(d.get("patient_id")).isEqualTo("PAT-A");
            @SuppressWarnings("unchecked")
            var inner = (Map<String, Object>) d.get("device");
            assertThat(inner.get("name")).isEqualTo("Tenovi BPM - L");
            assertThat(inner.get("sensor_code")).isEqualTo("10");
            assertThat((String) inner.get("hardware_uuid")).matches("[0-9A-F]{12}");
        });
    }

    @Test
    void answersUnknownDeviceWithDrfNotFound() {
        var response = http.get(http.api(domain) + "/hwi-devices/00000000-0000-0000-0000-000000000000/", key);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(http.map(response.body())).isEqualTo(Map.of("detail", "Not found."));
    }

    @Test
    void rejectsMissingMalformedAndWrongKeysWith401() {
        var url = http.api(domain) + "/hwi-devices/";
        assertThat(http.get(url, null).statusCode()).isEqualTo(401);
        assertThat(http.map(http.get(url, null).body())).containsKey("detail");
        assertThat(http.get(url, "wrong").statusCode()).isEqualTo(401);
        var other = "other-" + System.nanoTime();
        http.newAccount(other, null);
        assertThat(http.get(url, other).statusCode()).isEqualTo(401);
    }

    @Test
    void answersUnknownClientDomainWith404() {
        var response = http.get(http.api("no-such-clinic") + "/hwi-devices/", key);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(http.map(response.body())).containsEntry("detail", "Not found.");
    }

    @Test
    void redirectsPathWithoutTrailingSlashPermanently() {
        var response = http.get(http.api(domain) + "/hwi-devices?page=1", key);
        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("Location"))
                .hasValue(http.api(domain) + "/hwi-devices/?page=1");
    }

    @Test
    void throttlesMoreThanOneRequestPerSecondPerKey() throws InterruptedException {
        var slowKey = "slow-" + System.nanoTime();
        var slowDomain = http.newAccount(slowKey, 1.0);
        var url = http.api(slowDomain) + "/hwi-devices/";
        assertThat(http.get(url, slowKey).statusCode()).isEqualTo(200);
        var throttled = http.get(url, slowKey);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(http.get(http.api(domain) + "/hwi-devices/", key).statusCode()).isEqualTo(200);
        Thread.sleep(1_050);
        assertThat(http.get(url, slowKey).statusCode()).isEqualTo(200);
    }

    @Test
    void createsPatientsAndRejectsDuplicateExternalIds() {
        var url = http.api(domain) + "/hwi-patients/";
        var created = http.post(url, key, Map.of("external_id", "PAT-NEW", "sms_opt_in", false));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(http.map(created.body())).containsEntry("external_id", "PAT-NEW").containsEntry("sms_opt_in", false);
        var duplicate = http.post(url, key, Map.of("external_id", "PAT-NEW"));
        assertThat(duplicate.statusCode()).isEqualTo(400);
        assertThat(http.map(duplicate.body())).containsKey("external_id");
        assertThat(http.list(http.get(url, key).body())).extracting(p -> p.get("external_id"))
                .containsExactly("PAT-A", "PAT-NEW");
    }

    @Test
    void registersWebhooksAndListsDeviceTypes() {
        var url = http.api(domain) + "/webhooks/";
        var created = http.post(url, key, Map.of("endpoint", "http://127.0.0.1:9/hook", "event", "MEASUREMENT",
                "auth_header", "X-Secret", "auth_key", "s3cret", "post_as_array", true));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(http.map(created.body())).containsKeys("id", "created", "modified", "enabled_by_default")
                .containsEntry("post_as_array", true);
        assertThat(http.list(http.get(url, key).body())).hasSize(1);
        var types = http.list(http.get(http.api(domain) + "/hwi-device-types/", key).body());
        assertThat(types).extracting(t -> t.get("sensor_code")).contains("21", "10", "12", "24", "15");
    }

    @Test
    void seedsTheDemoAccountWithItsConfiguredKey() {
        var devices = http.list(http.get(http.api("demo-clinic") + "/hwi-devices/", "sim-demo-api-key").body());
        assertThat(devices).hasSize(9);
        assertThat(devices).extracting(d -> d.get("patient_id")).contains("SIM-0001", "SIM-0004");
    }
}
